#!/usr/bin/env bash
# Records a demonstration ledger for plans/zhongwei-2022.toml through `taizhang mark` only, with a
# fixed --today for every record, so every run writes the same files:
#
#   scripts/demo-ledger.sh [DIR]      # DIR (default examples/zhongwei-2022.progress) is deleted first
#   TAIZHANG=path/to/taizhang scripts/demo-ledger.sh /tmp/demo.progress
#
# The story, as of 2022-09-01 (period 2 under way, report due 2022-09-10):
# - period 1 (to 2022-06-10): 21 of 27 units report on time, each on 5–14 of its assignments (its own
#   tasks, few of the all-department ones, to keep the ledger at about 270 records); 4 report one to
#   three days late (2022-06-11..13, records the ledger counts in period 2); 2 never report;
# - period 2: 12 units report again — progress, completions, 本期无新进展 confirmations, three
#   assignments newly blocked — while the rest still owe their report; task 31 (due 2022-05-31) is
#   left unfinished by three of its four units, so it is overdue.
# Then, e.g.: taizhang report plans/zhongwei-2022.toml --data DIR --today 2022-09-01
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
plan=$root/plans/zhongwei-2022.toml
out=${1:-$root/examples/zhongwei-2022.progress}
tz=${TAIZHANG:-$root/target/release/taizhang}
export TAIZHANG_NO_CACHE=1

[ -x "$tz" ] || { echo "demo-ledger: no taizhang binary at $tz (cargo build --release, or set TAIZHANG)" >&2; exit 1; }
if [ -e "$out" ]; then # delete only what looks like a ledger directory: unit files and dot-files
  stray=$(find "$out" -mindepth 1 -maxdepth 1 \( -type d -o ! \( -name '*.toml' -o -name '.*' \) \) -print -quit)
  [ -z "$stray" ] || { echo "demo-ledger: $out holds $stray, not a ledger directory; not deleting it" >&2; exit 1; }
  rm -rf -- "$out"
fi
mkdir -p "$out"

# ---------------------------------------------------------------- data
# 填报人 per unit (a second name takes over after period 1). The order also seeds the variation.
declare -A by=() uidx=()
n=0
while read -r unit name; do
  by[$unit]=$name; uidx[$unit]=$n; n=$((n + 1))
done <<'EOF'
shaptq     马晓燕
zhongning  李建军/王丽娟
haiyuan    田秀梅
szfbgs     张宏伟
sfgw       杨帆
sczj       王玉兰
sswj       刘振华
stjj       陈静
sspfwglj   马国强
sjtysj     赵志刚
slywtgdj   何雅琴
sscjgj     周斌
skjj       孙立新
sgxj       吴海燕
srsj       丁文博
szjj       郭永明
syjsdsjj   黄磊
zwgyyqgwh  韩雪
snyncj     马少军
swjw       罗晓梅
stysj      虎成林
sxczxj     纳丽萍
sjyj       冯晓东
szrzyj     白建华
ssthjj     高婷
slswzcbj   蒋伟
ssfj       宋佳
EOF

# Tasks without a dated deadline in the plan (全年持续推进, 根据政策时限): status ongoing, no percent.
ongoing_tasks=" 5 26 27 28 32 33-2 34 35 37 38 39 40 41 42 43 "

# Who reports what, when: date, first time (later records follow a few minutes apart), unit, then
# task:action — s first report (in progress with a percent, or ongoing), u further progress,
# d done, b blocked, n 本期无新进展, na 不适用; a number after s/u/b fixes the percent.
# Never reported: zwgyyqgwh, slswzcbj. Late for period 1: haiyuan, snyncj, stysj, sxczxj.
schedule=$(sort -k1,2 <<'EOF'
2022-06-06 09:40 sczj      1:s 5:s 9:s 29:s 24:s 26:s 40:s
2022-06-06 16:30 srsj      6:s 12:s 13:s 19:s 24:s 26:s 40:s
2022-06-07 10:00 szfbgs    15:d 16:s 23:s 33:s 42:s 43:s 26:s 40:s
2022-06-07 15:00 sgxj      6:s 9:s 24:s 25:s 40:s
2022-06-07 09:30 swjw      10:s 11:s 14:s 39:s 19:s 26:s 40:s
2022-06-08 09:05 shaptq    1:s 3:s 5:s 10:s 12:s 14:s 22:s 26:s 29:s 30:s 31:d 33:s 36:s 40:s
2022-06-08 14:30 sspfwglj  2:s 22:s 31:s70 18:s 21:s 26:s 40:s
2022-06-08 10:20 sscjgj    4:s 16:s 17:s 18:s 26:s 40:s
2022-06-08 11:30 syjsdsjj  6:s 9:s 27:s 33-2:s 34:s 40:s
2022-06-08 16:20 ssfj      28:s 16:s 17:s 26:s 40:s
2022-06-09 15:20 zhongning 1:s 2:s 5:s 11:s 13:s 18:s 24:s 26:s 29:s 30:s 31:s80 33-2:s 34:s 40:s
2022-06-09 10:30 sswj      1:s 3:s 6:s 24:s 25:s 40:s
2022-06-09 16:00 slywtgdj  3:s 6:s 9:s 14:s 19:s 36:s 40:s
2022-06-09 09:10 szjj      6:s 14:s 39:s 16:s 26:s 40:s
2022-06-09 14:00 sjyj      13:s 18:s 24:s 26:s 40:s
2022-06-10 16:10 sfgw      1:s 3:s 9:s 14:s 39:s 40:s
2022-06-10 11:00 stjj      1:s 16:s 21:s 26:s 27:s 40:s
2022-06-10 17:05 sjtysj    3:s 6:s 9:s 14:s 39:s 40:s
2022-06-10 09:15 skjj      6:s 7:s 21:s 24:s 26:s 40:s
2022-06-10 10:40 szrzyj    14:s 39:s 16:s 26:s 40:s
2022-06-10 15:30 ssthjj    14:na 39:s 17:s 26:s 40:s
2022-06-11 10:00 snyncj    9:s 24:s 25:s 26:s 40:s
2022-06-11 15:40 stysj     12:s 21:s 24:s 40:s
2022-06-12 09:30 haiyuan   2:s 5:s 10:s 12:s 19:s 25:s 26:s 29:s 30:s 31:s60 35:s 40:s
2022-06-13 10:50 sxczxj    12:s 25:s 26:s 40:s
2022-07-08 09:00 szfbgs    16:u 23:b30 33:u 42:u 43:u
2022-07-18 10:00 shaptq    1:u 3:d 12:u 22:d 29:u
2022-07-20 10:00 sczj      1:d 29:u 5:u
2022-07-29 15:10 syjsdsjj  6:u 9:u 27:u 33-2:u 34:u 40:n
2022-08-09 10:10 swjw      10:u 11:d 14:u 39:n 19:u 26:u 40:u
2022-08-12 10:30 ssfj      28:u 16:u 17:d 26:u 40:u
2022-08-15 16:00 haiyuan   31:b60 2:u 10:u 26:u 29:u 40:u 36:s
2022-08-18 09:40 srsj      12:d 13:u 6:u 19:u 24:n 26:u 40:u
2022-08-22 11:00 sfgw      1:u 3:u 9:d 14:n 39:n 40:u
2022-08-24 14:30 szjj      14:b40 6:u 16:n 39:u 26:u 40:u
2022-08-26 15:00 shaptq    1:d 5:u 10:u 14:u 26:u 29:d 30:u 33:u 36:u 40:u 21:s
2022-08-29 10:00 szfbgs    16:d 33:u 26:u 40:u 42:u 43:u 36:s
2022-08-30 09:20 zhongning 1:u 2:u 5:n 11:u 13:d 18:u 24:d 26:u 29:u 30:u 31:u90 33-2:n 34:u 40:u
2022-08-31 16:00 sczj      29:d 9:u 24:u 26:u 40:u
2022-09-01 09:00 sjyj      13:u 18:d 24:u 26:n 40:u
EOF
)

# 进展情况 by task: a first report, b further progress, c done, k blocked, x 不适用, n 本期无新进展 (any
# task).
# Several lines of one kind are variants; {n} and {m} become small numbers.
declare -A note=() notes=()
while read -r task kind text; do
  k=$task:$kind; i=${notes[$k]:-0}
  note[$k:$i]=$text; notes[$k]=$((i + 1))
done <<'EOF'
1 a 已梳理涉企政策文件{n}件，在门户网站“涉企政策”专栏集中公开，相关统计数据按月发布。
1 a 已建立投资和工程建设项目审批问题受理反馈台账，正在完善办理流程。
1 a 正在逐条核对涉企政策公开情况，已公开政策落实情况{n}条。
1 b 已公开涉企政策落实情况{n}条，审批问题反馈机制已运行，累计办结企业诉求{m}件。
1 b 统计数据发布口径已统一，本期新增公开涉企政策{n}条。
1 c 涉企政策及落实情况已全部公开，审批问题办理和反馈机制已常态运行。
2 a 已完成{n}项政务服务事项标准化工作流程编制，办事指南正在审核。
2 a 正在对照事项清单编制办事指南，已完成初稿{n}项。
2 b 已编制办事指南{n}项，并在市政府门户网站“办事服务”栏目公开发布。
2 b 标准化工作流程已覆盖高频事项{n}项，剩余事项正在审核。
3 a 已汇总餐饮、住宿、零售等行业帮扶政策{n}项，在门户网站专栏集中发布。
3 a 正在梳理文化旅游和客运行业纾困政策，已发布政策解读{m}篇。
3 b 行业帮扶政策专栏累计发布政策{n}项，已通过微信公众号同步推送。
3 c 受疫情影响行业帮扶政策已全部公开，并制作“一图读懂”{m}期。
4 a 已开展《市场主体登记管理条例》宣传{m}场，公开反不正当竞争执法信息{n}条。
5 a 已在门户网站“减税降费”专栏推送留抵退税政策{n}条。
5 a 结合政策出台时间及时转载增值税留抵退税政策及解读材料{n}篇。
5 b 新出台的减税降费政策均在3个工作日内推送，本期新增{n}条。
6 a 通过门户网站、政务新媒体推送减税降费政策{n}条，发放宣传折页{m}00余份。
6 a 已向行业企业点对点推送税费优惠政策，覆盖市场主体{n}0余户。
6 a 结合“便民办税春风行动”开展政策宣传，累计推送信息{n}条。
6 b 组织政策宣讲{m}场，帮助企业第一时间掌握新出台的税费优惠政策。
6 b 已通过短信和企业微信群推送政策{n}条，政策知晓面进一步扩大。
7 a 已与税务部门对接，拟于7月举办减税降费专题讲座。
9 a 行政事业性收费目录清单已在门户网站常态公开，正在核对更新。
9 a 围绕“六大产业”发布政策解读{m}篇，重大项目舆情实行专人监测。
9 a 已更新本部门收费目录清单，同步开展重点项目政务舆情监测。
9 b 收费目录清单已完成年中更新，本期回应项目相关舆情{m}条。
9 b 本期发布“六大产业”政策解读{n}篇，开展政策咨询{m}次。
9 c 收费目录清单常态公开机制已建立，重点领域政策解读已全部发布。
10 a 严格执行疫情信息发布制度，“万众一心 抗击疫情”专栏已更新信息{n}条。
10 a 已明确疫情防控信息发布专人，专栏信息实行日更新。
10 b 本期更新疫情防控专栏信息{n}0余条，发布防控政策解读{m}篇。
11 a 疫情防控信息实行三级审核，发布前逐条核查个人隐私信息。
11 a 疫情信息发布与上级指令逐项对表，本期发布通告{n}期。
11 b 已开展疫情信息发布专项自查，整改不规范表述{m}处。
11 c 疫情信息发布审核制度已修订印发，未发生泄露个人隐私情况。
12 a 已开展高校毕业生就业政策宣讲{m}场，推送岗位信息{n}0余条。
12 a 面向退役军人推送就业创业政策{n}条，组织专场招聘会1场。
12 a 面向脱贫人员开展就业政策宣讲{m}场，发放政策明白卡{n}00余份。
12 b 累计开展重点群体就业政策宣讲{n}场，灵活就业社保政策解读已上网。
12 c 重点群体就业政策宣讲推送任务已完成，累计覆盖{n}00余人。
13 a 已制定减负稳岗扩就业政策培训计划，完成基层经办人员培训{m}期。
13 a 技能培训补贴政策及经办流程已在门户网站公开，正在组织基层培训。
13 b 累计培训基层执行人员{n}0余人次，技能培训政策及流程动态更新。
13 c 减负稳岗扩就业政策培训已全部完成，技能培训政策及经办流程已公开。
14 a 已督促下属企事业单位编制信息公开清单目录，已完成{m}家。
14 a 正在对照基层政务公开标准指引梳理供水、供气、供热信息公开事项。
14 a 已印发通知，要求下属单位公开办事服务信息和咨询投诉渠道。
14 b 下属企事业单位信息公开目录已编制完成{n}家，咨询投诉电话已公开。
14 b 供水、供热企业服务标准和收费信息已在门户网站公开。
14 k 供热企业信息公开目录编制工作暂停，已完成的部分先行公开。
14 x 本单位无下属供水、供气、供热等公共企事业单位，不涉及此项工作。
15 c 现行有效政府规章已集中公开，政府规章库已完成动态更新。
16 a 已在“政府信息公开”专栏集中公开现行有效行政规范性文件{n}件。
16 a 正在清理本部门规范性文件，已完成{n}件的正式版本核对。
16 a 新制发规范性文件均在门户网站发布正式版本，并同步发布解读。
16 b 规范性文件库已完成动态更新，本期新增公开文件{m}件。
16 b 已废止文件均已标注失效，本期更新规范性文件{m}件。
16 c 行政规范性文件已全部集中公开，动态更新机制已建立。
17 a 已在行政执法公示平台公开执法主体、依据和程序等信息。
17 a 执法信息按规定在7个工作日内公示，本期公示行政处罚信息{n}条。
17 c 行政执法“三项制度”公示事项已全部公开，公示平台安全运行。
18 a 通过网上征集和座谈会收集政策关注点{n}条，已梳理形成解读重点。
18 a 已建立政策文件关注点征集台账，收集群众意见{n}条。
18 a 在门户网站开设意见征集栏目，本期收集企业关注问题{n}个。
18 b 针对群众关注的具体条款确定解读重点，本期发布解读{m}篇。
18 c 政策关注点收集和解读重点确定工作已完成，形成长效机制。
19 a 本期制作图文解读{n}篇、视频解读{m}个，均在文件公布后3个工作日内上网。
19 a 已采用“一图读懂”方式解读政策文件{n}件。
19 a 召开政策吹风会1次，配套发布图解材料{m}份。
19 b 累计发布图解、动漫等解读材料{n}件，解读材料与文件同步上网。
19 b 本期举办新闻发布会{m}场，邀请专家访谈解读政策1次。
21 a 已制定“局长谈公开”活动方案，计划第三季度开展。
21 a 已开展“政策公开讲”活动1次，现场解答群众咨询{n}个。
21 a 正在筹备“政策公开讲”进社区活动，已确定宣讲主题{m}个。
22 a 已在政务服务大厅设立政策咨询综合服务窗口，配备专职人员{m}名。
22 a 正在与12345热线对接政策咨询知识库，已录入政策{n}条。
22 c 12345热线和政务服务大厅政策咨询综合服务点均已建成运行。
23 a 已完成智能化政策问答平台需求调研，梳理高频咨询事项{n}项。
23 k 问答平台建设方案已完成，待资金落实后启动招标。
24 a 已开展“政策礼包”精准推送1次，推送政策{n}条。
24 a 通过短信、企业微信群向小微企业定向推送政策{n}条。
24 a 已梳理教育、就业、税务等重点政策清单，拟分批精准推送。
24 b 本期开展“办事提醒”推送{m}次，累计推送政策{n}条。
24 b 已完成第二次政策精准推送，覆盖企业和群众{n}00余户。
24 c 年内政策精准推送不少于2次的任务已完成，累计推送政策{n}条。
25 a 组织开展“政策进社区”活动{m}次，发放政策资料{n}00余份。
25 a 已结合“政策进园区”活动向入驻企业宣讲惠企政策。
25 a 深入乡镇开展政策宣讲{m}场，群众现场咨询{n}0余人次。
26 a 严格执行信息发布“三审三校”制度，本期审查拟公开信息{n}条。
26 a 已修订信息发布保密审查办法，未发生失泄密事件。
26 a 政务新媒体发布信息全部经过保密审查和涉敏审核。
26 a 建立信息发布审查台账，本期审核政府网站稿件{n}0余篇。
26 a 每月开展一次网站和新媒体内容自查，未发现涉敏信息。
26 b 本期审核网站及新媒体稿件{n}0余篇，保密审查记录完整。
26 b 开展保密审查专题培训1次，参训人员{n}人。
26 b 按月开展信息发布保密自查，本期整改不规范表述{m}处。
27 a 已向市政府网站报送稿件{n}篇，原创信息占比逐步提高。
27 a 建立政务新媒体稿源共享机制，本期发布原创信息{n}条。
27 b 本期向市政府网站报送稿件{n}篇，原创比例较上期提高。
28 a 本期依法审理政府信息公开行政复议案件{m}件，均按统一标准审结。
28 b 已组织复议案件审理标准学习，本期办结信息公开复议案件{m}件。
29 a 正在汇总各主管部门补贴政策，已梳理惠民惠农补贴项目{n}项。
29 a 已印发补贴政策目录清单编制通知，各乡镇正在报送。
29 b 补贴政策目录清单初稿已完成，待主管部门审核后公布。
29 b 已梳理补贴项目{n}项，文件依据和补助标准正在逐项核对。
29 c 惠民惠农财政补贴政策目录清单已在门户网站公布，含政策解答电话。
30 a 已督导{n}个村（居）通过公开栏公开补贴资金发放信息。
30 a 已印发督导通知，要求各村（居）按季度更新公开栏。
30 b 已完成对各乡镇公开栏的督导检查，督促整改问题{m}个。
31 a 政务服务中心政务公开专区已完成选址，正在配置查阅设备。
31 b 专区已设置政策咨询窗口，标准化改造完成九成，待验收。
31 k 专区场地改造方案已报批，标准化建设暂缓推进。
31 c 政务公开专区标准化建设已完成，配备自助查询终端{m}台。
33 a 政府网站适老化和无障碍改造已完成方案，网民找错留言均按时答复。
33 a 已完成网站栏目梳理，新增专题专栏{m}个。
33 b 网站适老化改造已上线试运行，本期办理网民找错留言{n}条。
33 b 无障碍阅读功能已上线，专题专栏内容完成集中更新。
33-2 a 已对本单位政务新媒体账号进行梳理，{m}个账号均已备案。
33-2 b 本期新开设政务新媒体账号1个，已及时向主管部门备案。
34 a 已完成上半年网络工作群清理，清理闲置工作群{m}个，报表已报送。
34 b 已开展工作群常态巡查，本期清理闲置工作群{m}个。
35 a 已明确政务公开分管领导和专职工作人员{m}名，并报市政务公开服务中心备案。
36 a 已制定“政府开放日”活动方案，拟邀请群众代表参观政务服务中心。
36 a 正在筹备“政府开放日”活动，已确定开放主题和参观路线。
36 b 已开展“政府开放日”活动1次，邀请人大代表和群众代表{n}人参加。
39 a 已印发通知，指导下属企事业单位做好信息公开工作。
39 a 建立下属单位信息公开联络员制度，开展业务指导{m}次。
39 b 本期对下属单位信息公开情况进行抽查，督促整改问题{m}个。
40 a 已对照任务分工建立工作台账，明确责任股室和完成时限。
40 a 已将{n}项任务分解到科室，按时报送第一期工作进展。
40 a 召开专题会议部署政务公开工作，逐项建立任务清单。
40 a 已印发本单位政务公开工作要点分工方案，建立台账逐项推进。
40 a 已形成工作台账并实行月调度，按要求报送进展情况。
40 b 台账实行月调度，已按时报送第二期工作进展。
40 b 对照台账逐项核查推进情况，本期销号任务{m}项。
40 b 召开政务公开工作推进会，通报台账完成情况。
42 a 已建立政务公开月检查制度，本期通报检查问题{m}个。
42 b 开展政府网站和政务新媒体季度检查，整改问题{n}个。
43 a 正在开展2021年度工作要点回头看，已核查任务{n}项。
43 b 回头看核查已完成，发现的问题已建立清单限期整改。
- n 相关工作按计划推进，本期无新增事项。
- n 本期无新进展，现有公开内容已核对，仍然有效。
- n 本期无新增信息，下期集中报送。
EOF

# 存在问题 and 下步计划 for particular records (unit:task:action).
declare -A problems=(
  [zhongning:31:s]="自助查询终端尚未到货，专区设备配置未完成。"
  [zhongning:31:u]="终端调试延迟，专区尚未通过标准化验收。"
  [haiyuan:31:s]="专区改造涉及大厅布局调整，工期延后。"
  [haiyuan:31:b]="专区场地改造资金尚未到位，设备采购无法启动。"
  [sspfwglj:31:s]="部分乡镇便民服务中心专区场地不足。"
  [szfbgs:23:b]="平台建设资金未列入年度预算，需市财政局协调安排。"
  [szjj:14:b]="供热企业正在改制，信息公开目录编制暂缓。"
  [sfgw:1:s]="统计数据发布口径待与市统计局确认。"
  [srsj:13:s]="基层经办人员变动频繁，培训覆盖面不足。"
)
declare -A nexts=(
  [zhongning:31:u]="9月15日前完成终端调试并申请验收。"
  [haiyuan:31:b]="已报县政府协调资金，争取9月底前开工。"
  [szfbgs:23:b]="9月底前提请市政府专题研究。"
  [szjj:14:b]="待改制完成后督促企业10月底前公开。"
)
next_steps=(
  "7月底前完成剩余事项并在门户网站公开。"
  "下一步将加大政策推送频次，扩大覆盖面。"
  "持续跟踪政策落实情况，及时更新公开内容。"
  "按月调度，确保10月底前全面完成。"
)

# ---------------------------------------------------------------- recording
declare -A pct=() # latest percent per unit:task
records=0

mark() { # when unit task status [option...]
  local when=$1 unit=$2 task=$3 status=$4 name=${by[$2]}
  shift 4
  [[ $name == */* && $when > 2022-06-11 ]] && name=${name#*/} || name=${name%/*}
  "$tz" mark "$plan" --data "$out" --today "$when" --unit "$unit" --task "$task" --by "$name" \
    ${status:+--status "$status"} "$@" > /dev/null
  records=$((records + 1))
}

pick_note() { # task kind hash: the variant chosen by hash, with {n} and {m} filled
  local k=$1:$2 count text
  count=${notes[$k]:-0}
  ((count)) || { echo "demo-ledger: no note for task $1, kind $2" >&2; exit 1; }
  text=${note[$k:$(($3 % count))]}
  text=${text//\{n\}/$((3 + $3 * 7 % 17))}
  printf '%s' "${text//\{m\}/$((2 + $3 / 3 % 4))}"
}

while read -r day time unit items; do
  minute=$((10#${time%:*} * 60 + 10#${time#*:}))
  for item in $items; do
    task=${item%%:*} action=${item#*:}
    num=${action//[a-z]/} action=${action//[0-9]/}
    when=$(printf '%sT%02d:%02d:00+08:00' "$day" $((minute / 60)) $((minute % 60)))
    tnum=${task%%-*}; [[ $task == *-* ]] && tnum=$((tnum + 44))
    h=$(( (uidx[$unit] * 31 + tnum * 17 + 10#${day:8:2}) % 97 ))
    minute=$((minute + 3 + h % 4))
    key=$unit:$task
    continuous=; [[ $ongoing_tasks == *" $task "* ]] && continuous=1
    args=()
    case $action in
      s) if [ -n "$continuous" ]; then status=ongoing
         else status=in_progress; pct[$key]=${num:-$((20 + h % 4 * 10))}; fi
         args=(--note "$(pick_note "$task" a $((uidx[$unit] + h)))")
         if [ -z "$continuous" ] && ((h % 3 == 0)); then args+=(--next "${next_steps[h % ${#next_steps[@]}]}"); fi ;;
      u) if [ -n "$continuous" ]; then status=ongoing
         else
           status=in_progress; p=${num:-$((60 + h % 7 * 5))}
           ((p > ${pct[$key]:-0})) || p=$((pct[$key] + 10 > 95 ? 95 : pct[$key] + 10))
           pct[$key]=$p
         fi
         args=(--note "$(pick_note "$task" b $((uidx[$unit] + h)))") ;;
      d) [ -z "$continuous" ] || { echo "demo-ledger: task $task has no deadline to finish by" >&2; exit 1; }
         status=done; pct[$key]=100
         args=(--note "$(pick_note "$task" c "$h")") ;;
      b) status=blocked; pct[$key]=${num:-${pct[$key]:-0}}
         args=(--note "$(pick_note "$task" k "$h")") ;;
      na) status=na; args=(--note "$(pick_note "$task" x "$h")") ;;
      n) status=; args=(--no-change --note "$(pick_note - n "$h")") ;;
      *) echo "demo-ledger: unknown action in $item" >&2; exit 1 ;;
    esac
    case $status in in_progress | blocked) args+=(--percent "${pct[$key]}") ;; done) args+=(--percent 100) ;; esac
    [ -z "${problems[$key:$action]:-}" ] || args+=(--problems "${problems[$key:$action]}")
    [ -z "${nexts[$key:$action]:-}" ] || args+=(--next "${nexts[$key:$action]}")
    if [[ $action == d ]] || ((h % 4 == 1)) && [[ $action != n ]]; then
      args+=(--evidence "https://www.nxzw.gov.cn/zwgk/bmxxgk/$unit/${day:0:4}${day:5:2}/t${day//-/}_$((3570000 + h * 1373 + tnum)).html")
    fi
    mark "$when" "$unit" "$task" "$status" "${args[@]}"
  done
done <<< "$schedule"
rm -f -- "$out"/.*.lock # the units' lock files, empty and no longer held

echo "$records records in $out"
