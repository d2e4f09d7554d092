//! Word lists for units and places: government departments (city and province wording, with
//! the short pinyin ids offices use for file names), public institutions and place-name
//! syllables from which county and city names are made.

/// A department: its name under a city (市…局) and a province (省…厅), its id stem and the
/// other spellings a plan may use (without the level word).
pub struct Dept {
    pub city: &'static str,
    pub province: &'static str,
    pub id: &'static str,
    pub aliases: &'static [&'static str],
}

const fn d(city: &'static str, province: &'static str, id: &'static str) -> Dept {
    Dept { city, province, id, aliases: &[] }
}

const fn da(city: &'static str, province: &'static str, id: &'static str, aliases: &'static [&'static str]) -> Dept {
    Dept { city, province, id, aliases }
}

/// Departments, most often named first: a plan with n departments takes the first n.
pub const DEPTS: [Dept; 86] = [
    da("政府办公室", "政府办公厅", "zfb", &["人民政府办公室"]),
    da("发展改革委", "发展改革委", "fgw", &["发改委", "发展和改革委员会"]),
    d("财政局", "财政厅", "czj"),
    d("教育局", "教育厅", "jyj"),
    d("科技局", "科技厅", "kjj"),
    da("工业和信息化局", "工业和信息化厅", "gxj", &["工信局"]),
    d("公安局", "公安厅", "gaj"),
    d("民政局", "民政厅", "mzj"),
    d("司法局", "司法厅", "sfj"),
    da("人力资源社会保障局", "人力资源社会保障厅", "rsj", &["人社局"]),
    d("自然资源局", "自然资源厅", "zrzyj"),
    d("生态环境局", "生态环境厅", "sthjj"),
    da("住房城乡建设局", "住房城乡建设厅", "zjj", &["住建局"]),
    d("交通运输局", "交通运输厅", "jtj"),
    d("水利局", "水利厅", "slj"),
    d("农业农村局", "农业农村厅", "nyncj"),
    d("商务局", "商务厅", "swj"),
    da("文化和旅游局", "文化和旅游厅", "wlj", &["文旅局"]),
    da("卫生健康委", "卫生健康委", "wjw", &["卫健委"]),
    d("退役军人事务局", "退役军人事务厅", "tyjrj"),
    d("应急管理局", "应急管理厅", "yjj"),
    d("审计局", "审计厅", "sjj"),
    d("国资委", "国资委", "gzw"),
    da("市场监督管理局", "市场监督管理局", "scjgj", &["市场监管局"]),
    d("统计局", "统计局", "tjj"),
    d("医疗保障局", "医疗保障局", "ybj"),
    d("乡村振兴局", "乡村振兴局", "xczxj"),
    d("政务服务管理局", "政务服务管理局", "zwfwj"),
    d("大数据局", "大数据局", "dsjj"),
    d("林业局", "林业局", "lyj"),
    d("体育局", "体育局", "tyj"),
    d("广播电视局", "广播电视局", "gdj"),
    d("外事办公室", "外事办公室", "wsb"),
    d("机关事务管理局", "机关事务管理局", "jgswj"),
    d("信访局", "信访局", "xfj"),
    d("粮食和物资储备局", "粮食和物资储备局", "lsj"),
    d("能源局", "能源局", "nyj"),
    d("药品监督管理局", "药品监督管理局", "ypjgj"),
    d("知识产权局", "知识产权局", "zscqj"),
    da("地方金融监督管理局", "地方金融监督管理局", "jrj", &["金融办"]),
    d("人民防空办公室", "人民防空办公室", "rfb"),
    d("档案局", "档案局", "daj"),
    d("地震局", "地震局", "dzj"),
    d("气象局", "气象局", "qxj"),
    d("税务局", "税务局", "swuj"),
    d("城市管理局", "住房城乡建设执法局", "cgj"),
    d("园林绿化局", "园林绿化局", "ylj"),
    d("住房公积金管理中心", "住房资金管理中心", "gjjzx"),
    d("公共资源交易中心", "公共资源交易中心", "ggzy"),
    d("政务服务中心", "政务服务中心", "zwfwzx"),
    d("融媒体中心", "广播电视台", "rmt"),
    d("不动产登记中心", "不动产登记中心", "bdc"),
    d("社会保险事业服务中心", "社会保险事业局", "sbzx"),
    d("医疗保障事务中心", "医疗保障事务中心", "ybzx"),
    d("公共就业服务中心", "公共就业服务局", "jyzx"),
    d("疾病预防控制中心", "疾病预防控制局", "cdc"),
    d("教育考试院", "教育考试院", "ksy"),
    d("残疾人联合会", "残疾人联合会", "cl"),
    d("总工会", "总工会", "zgh"),
    d("团委", "团委", "tw"),
    d("妇联", "妇联", "fl"),
    d("科协", "科协", "kx"),
    d("供销合作社", "供销合作总社", "gxs"),
    d("红十字会", "红十字会", "hszh"),
    d("侨务办公室", "侨务办公室", "qwb"),
    d("台湾事务办公室", "台湾事务办公室", "tb"),
    d("口岸办公室", "口岸办公室", "kab"),
    d("投资促进局", "投资促进局", "tcj"),
    d("营商环境建设局", "营商环境建设局", "yshj"),
    d("邮政管理局", "邮政管理局", "yzj"),
    d("烟草专卖局", "烟草专卖局", "yc"),
    d("行政审批局", "行政审批局", "xzspj"),
    d("保密局", "保密局", "bmj"),
    da("机构编制委员会办公室", "机构编制委员会办公室", "bb", &["编办"]),
    d("政府研究室", "政府研究室", "yjs"),
    d("消防救援支队", "消防救援总队", "xf"),
    d("水务集团", "水务集团", "swjt"),
    d("燃气公司", "燃气集团", "rq"),
    d("公交集团", "交通投资集团", "gj"),
    d("热力公司", "能源集团", "rl"),
    d("人民医院", "人民医院", "rmyy"),
    d("中心血站", "血液中心", "xz"),
    d("图书馆", "图书馆", "tsg"),
    d("博物馆", "博物院", "bwg"),
    d("地方志办公室", "地方志办公室", "dfz"),
    d("党史研究室", "党史研究院", "dsy"),
];

/// First syllables of place names, each with its pinyin (no two share a pinyin, so ids never
/// collide).
pub const FIRST: [(&str, &str); 32] = [
    ("东", "dong"),
    ("西", "xi"),
    ("南", "nan"),
    ("北", "bei"),
    ("安", "an"),
    ("永", "yong"),
    ("长", "chang"),
    ("新", "xin"),
    ("宁", "ning"),
    ("平", "ping"),
    ("清", "qing"),
    ("丰", "feng"),
    ("兴", "xing"),
    ("和", "he"),
    ("泰", "tai"),
    ("福", "fu"),
    ("德", "de"),
    ("云", "yun"),
    ("龙", "long"),
    ("金", "jin"),
    ("石", "shi"),
    ("白", "bai"),
    ("桃", "tao"),
    ("柳", "liu"),
    ("梅", "mei"),
    ("江", "jiang"),
    ("海", "hai"),
    ("华", "hua"),
    ("嘉", "jia"),
    ("乐", "le"),
    ("临", "lin"),
    ("高", "gao"),
];

/// Second syllables of place names.
pub const SECOND: [(&str, &str); 30] = [
    ("阳", "yang"),
    ("安", "an"),
    ("平", "ping"),
    ("宁", "ning"),
    ("川", "chuan"),
    ("山", "shan"),
    ("城", "cheng"),
    ("江", "jiang"),
    ("源", "yuan"),
    ("丰", "feng"),
    ("台", "tai"),
    ("林", "lin"),
    ("湖", "hu"),
    ("水", "shui"),
    ("州", "zhou"),
    ("泉", "quan"),
    ("溪", "xi"),
    ("谷", "gu"),
    ("岭", "ling"),
    ("田", "tian"),
    ("河", "he"),
    ("口", "kou"),
    ("桥", "qiao"),
    ("塘", "tang"),
    ("浦", "pu"),
    ("阜", "fu"),
    ("乡", "xiang"),
    ("都", "du"),
    ("昌", "chang"),
    ("化", "hua"),
];

/// A place name and its pinyin, e.g. ("清河", "qinghe").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub name: String,
    pub pinyin: String,
}

/// Every two-syllable place name whose syllables differ in sound, in a fixed order.
pub fn places() -> Vec<Place> {
    let mut out = Vec::with_capacity(FIRST.len() * SECOND.len());
    for (a, pa) in FIRST {
        for (b, pb) in SECOND {
            if pa != pb {
                out.push(Place { name: format!("{a}{b}"), pinyin: format!("{pa}{pb}") });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn ids_and_names_are_unique_and_valid() {
        let ids: HashSet<&str> = DEPTS.iter().map(|d| d.id).collect();
        assert_eq!(ids.len(), DEPTS.len());
        let names: HashSet<&str> = DEPTS.iter().map(|d| d.city).collect();
        assert_eq!(names.len(), DEPTS.len());
        let names: HashSet<&str> = DEPTS.iter().map(|d| d.province).collect();
        assert_eq!(names.len(), DEPTS.len());
        let places = places();
        assert!(places.len() >= 900);
        let pinyin: HashSet<&str> = places.iter().map(|p| p.pinyin.as_str()).collect();
        assert_eq!(pinyin.len(), places.len());
        let names: HashSet<&str> = places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names.len(), places.len());
    }
}
