package sitetest

// The names of a roster too large for surnames × givenNames (the synthetic
// province's 3,750 posts, the 1,000,000-row ledger's 56,000): an
// enumeration, name k a bijection of k, so that a generator takes the next
// name without drawing at random and retrying on a clash.
//
// Every name is as long as the others of its tier and none is part of
// another: a single surname and two given-name characters (王伟静), then a
// compound surname and two (上官伟静). The given-name characters are none
// of the case registers' or the content's, so no enumerated name is, or is
// part of, or contains one of their names or a name drawn from surnames ×
// givenNames. rosternames_test.go checks all of this on the whole
// enumeration.
var (
	// rosterSurnames are the first tier's single surnames.
	rosterSurnames = []rune("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭")
	// rosterCompounds are the second tier's compound surnames: their second
	// character is no single surname of rosterSurnames, so that 夏侯伟静
	// does not contain a first-tier name.
	rosterCompounds = []string{"上官", "诸葛", "皇甫", "尉迟", "慕容", "令狐", "司徒", "端木", "南宫", "夏侯"}
	// rosterGiven are the given-name characters: none is in givenNames,
	// contentNames, a surname or compound surname above.
	rosterGiven = []rune("伟芳娜敏静磊洋勇艳杰超霞鹏飞斌浩凯俊帆旭宁玲婷燕雪琳倩颖慧莉萍瑶璐欣悦晨博鑫亮峰波辰坤琦晶蕾彤岚昊锋健楠然睿泽涵诗梦思宏成龙毅荣兵云彬卓源航铭达韬骏琪薇蓉淑珊雯妍翠茜露蓓婉娅莹菲嘉佳怡瑞祥福安康乐喜顺")
)

// rosterStep scatters consecutive indexes over a tier, so that neighbouring
// posts do not share a given name: index k is the (k × rosterStep mod n)th
// name of the tier's n, a bijection while rosterStep and n are coprime (the
// test checks).
const rosterStep = 7919

// rosterName gives the k-th name (k from 0) of the enumeration, as surname
// and given name; ok is false past its end.
func rosterName(k int) (surname, given string, ok bool) {
	g := len(rosterGiven)
	givenOf := func(j int) string { return string([]rune{rosterGiven[j%g], rosterGiven[j/g]}) }
	n := len(rosterSurnames) * g * g
	if k < n {
		j := k * rosterStep % n
		s := len(rosterSurnames)
		return string(rosterSurnames[j%s]), givenOf(j / s), true
	}
	k -= n
	if n := len(rosterCompounds) * g * g; k < n {
		j := k * rosterStep % n
		s := len(rosterCompounds)
		return rosterCompounds[j%s], givenOf(j / s), true
	}
	return "", "", false
}

// rosterNames is how many names rosterName makes.
func rosterNames() int {
	g := len(rosterGiven)
	return (len(rosterSurnames) + len(rosterCompounds)) * g * g
}
