package audit_test

import (
	"fmt"

	"dutyreport/generator/audit"
)

// A needle inside an allowed term is not a hit; the same needle written as
// JSON escapes is, and its message masks it.
func ExampleScanner_Bytes() {
	s := audit.New([]audit.Needle{{Text: "张三", Kind: "name"}}, []string{"张三丰路"})
	page := []byte(`<p>张三丰路 {"n":"\u5f20\u4e09"}</p>`)
	for _, h := range s.Bytes("2023/notices/3.html", page) {
		fmt.Println(h)
	}
	// Output: 2023/notices/3.html:22: name 张* (json-escape)
}
