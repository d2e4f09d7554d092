#!/usr/bin/env bash
# Records a demonstration ledger for the Zhongwei plan through `taizhang mark`, at dates spread
# over 2022, in a scratch copy: scripts/demo-ledger.sh [DIR]  (default: /tmp/taizhang-demo)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/taizhang-demo}
mkdir -p "$dir"
cp plans/zhongwei-2022.toml "$dir/"
rm -rf "$dir/zhongwei-2022.progress"
tz=${TAIZHANG:-target/release/taizhang}
[ -x "$tz" ] || cargo build --release -q
plan="$dir/zhongwei-2022.toml"
mark() { TAIZHANG_TODAY="$1" "$tz" mark "$plan" --unit "$2" --task "$3" --status "$4" "${@:5}" > /dev/null; }
mark 2022-05-30T09:00:00+08:00 市财政局 1 in_progress --percent 30 --note "已梳理涉企政策清单，正在逐条核对公开情况" --by 王五
mark 2022-06-08T16:30:00+08:00 市财政局 5 ongoing --note "已在门户网站“减税降费”专栏发布留抵退税政策 6 条" --evidence https://www.nxzw.gov.cn/zwgk/jsjf/
mark 2022-06-10T23:59:59+08:00 市发展改革委 1 in_progress --percent 20 --problems "统计数据发布口径待与统计局确认"
mark 2022-06-11T00:00:00+08:00 沙坡头区 31 done --note "政务公开专区标准化建设已完成"
mark 2022-07-20T10:00:00+08:00 市财政局 1 done --note "涉企政策及落实情况已全部公开" --evidence https://www.nxzw.gov.cn/zwgk/qyzc/
mark 2022-07-21T10:00:00+08:00 中宁县 31 done --note "县政务服务中心政务公开专区已建成"
mark 2022-08-02T10:00:00+08:00 海原县 31 blocked --percent 40 --problems "专区场地改造资金未到位" --next "9月底前协调解决"
mark 2022-08-15T10:00:00+08:00 市审批服务管理局 22 in_progress --percent 60 --note "12345 热线已设政策咨询综合服务点"
mark 2022-09-09T10:00:00+08:00 市政府办公室 15 done --note "政府规章库已完成动态更新"
mark 2022-09-10T18:00:00+08:00 市财政局 29 in_progress --percent 70 --note "补贴政策清单已初步汇总，待审核"
mark 2022-09-12T10:00:00+08:00 市财政局 29 done --note "惠民惠农财政补贴政策目录清单已公布"
mark 2022-10-10T10:00:00+08:00 市统计局 1 na --note "本局无涉企审批事项"
mark 2022-10-31T17:00:00+08:00 市发展改革委 1 done
mark 2022-11-05T10:00:00+08:00 沙坡头区 26 ongoing --note "每月开展保密审查自查"
mark 2022-12-10T12:00:00+08:00 市财政局 26 ongoing --note "按月开展信息发布保密审查"
mark 2022-12-11T09:00:00+08:00 中宁县 26 ongoing --note "已建立信息发布保密审查台账"
echo "$plan"
