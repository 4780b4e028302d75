package sitetest

// The names of the generated units. They are fictional but shaped like a
// real county's: the departments a county party committee assesses, towns
// named for rivers and hills, villages named for families and landmarks.

// department is a county department and the abbreviation its documents
// carry (清教 → 清教发〔2024〕12号).
type department struct{ name, abbr string }

// qingheDepartments are 清河县's departments, D01–D40 in this order. D12 is
// renamed and D40 created during the example's years (see qinghe.go).
var qingheDepartments = []department{
	{"县委办公室", "清委办"}, {"县政府办公室", "清政办"}, {"县发展和改革局", "清发改"},
	{"县教育局", "清教"}, {"县公安局", "清公"}, {"县财政局", "清财"},
	{"县人力资源和社会保障局", "清人社"}, {"县自然资源局", "清自然资源"}, {"县住房和城乡建设局", "清住建"},
	{"县交通运输局", "清交"}, {"县水利局", "清水利"}, {"县农业农村局", "清农"},
	{"县卫生健康局", "清卫健"}, {"县市场监督管理局", "清市监"}, {"县审计局", "清审"},
	{"县统计局", "清统"}, {"县委组织部", "清组"}, {"县委宣传部", "清宣"},
	{"县委统战部", "清统战"}, {"县委政法委员会", "清政法"}, {"县民政局", "清民"},
	{"县司法局", "清司"}, {"县生态环境局", "清环"}, {"县商务局", "清商"},
	{"县文化和旅游局", "清文旅"}, {"县退役军人事务局", "清退役军人"}, {"县应急管理局", "清应急"},
	{"县医疗保障局", "清医保"}, {"县林业局", "清林"}, {"县信访局", "清信访"},
	{"县行政审批服务局", "清审批"}, {"县城市管理综合执法局", "清城管"}, {"县科学技术局", "清科"},
	{"县供销合作社联合社", "清供销"}, {"县机关事务服务中心", "清机关事务"}, {"县融媒体中心", "清融媒"},
	{"县总工会", "清工"}, {"共青团清河县委员会", "清团"}, {"县妇女联合会", "清妇"},
	{"县营商环境服务局", "清营商"},
}

// qingheTowns are 清河县's towns, T01–T12 in this order.
var qingheTowns = []string{
	"城关镇", "清水镇", "河口镇", "白杨镇", "青山镇", "石桥镇",
	"龙门镇", "马庄镇", "柳林镇", "桃园镇", "双河镇", "高坪镇",
}

// countySeatCommunities are the residents' communities of a county seat.
var countySeatCommunities = []string{"东关社区", "西关社区", "南关社区", "北关社区", "城南社区", "解放路社区"}

// villages are village names; a town draws its villages from them.
var villages = []string{
	"王家村", "李家村", "张湾村", "刘庄村", "陈家沟村", "杨树湾村", "石门村", "红岩村",
	"前进村", "新庄村", "双龙村", "大坪村", "枣园村", "庙沟村", "黄土岭村", "花园村",
	"青龙村", "白马村", "金星村", "三岔村", "梨树坪村", "桃花村", "河西村", "河东村",
	"上店村", "下店村", "中心村", "联合村", "和平村", "胜利村", "东风村", "团结村",
	"五里铺村", "十里坪村", "马家河村", "赵家岭村", "孙家湾村", "周家坪村", "吴家庄村", "郑家沟村",
	"松树村", "竹园村", "柏树村", "槐树村", "油坊村", "磨坊村", "水井村", "高桥村",
	"小河村", "大湾村", "寨子村", "龙泉村", "凤凰村", "狮子坪村", "观音堂村", "茶园村",
	"果园村", "瓦房村", "草坪村", "丰收村",
}

// provinceCounties are the synthetic province's counties.
var provinceCounties = []string{
	"安平", "永宁", "长乐", "定远", "太和", "广德", "宁安", "福寿",
	"兴隆", "寿昌", "清源", "临川", "东阳", "南丰", "平陆",
}

// Town names of the synthetic province are a first syllable and a second.
var (
	townFirst  = []string{"东", "西", "南", "北", "青", "石", "柳", "桃", "杨", "马", "龙", "凤", "金", "白", "红", "黄", "双", "三"}
	townSecond = []string{"山", "河", "桥", "坪", "庄", "湾", "沟", "岭", "集", "店", "铺", "坝"}
)
