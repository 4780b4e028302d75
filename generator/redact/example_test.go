package redact_test

import (
	"fmt"

	"dutyreport/generator/redact"
)

func Example_notice() {
	r := redact.New(redact.Options{
		Names:    []string{"王平", "欧阳修"},
		Hidden:   []string{"李四"}, // the whistleblower
		Public:   []string{"王平镇"},
		Patterns: true,
	})
	fmt.Println(r.Text("经群众李四举报，王平镇镇长王平、副镇长欧阳修（电话 138-1234-5678）违规发放津贴。"))
	fmt.Println(r.Text("[处分决定](files/%E7%8E%8B%E5%B9%B3.pdf)"))
	// Output:
	// 经群众某某举报，王平镇镇长王某、副镇长欧阳某（电话 ***********）违规发放津贴。
	// [处分决定](files/%E7%8E%8B%E6%9F%90.pdf)
}

func ExampleRedactor_Name() {
	r := redact.New(redact.Options{Policy: redact.Policy{Mask: "某某"}})
	fmt.Println(r.Name("张三"), r.Name("欧阳修"), r.Name("欧阳"), r.Name("买买提·艾力"))
	// Output: 张某某 欧阳某某 欧某某 买某某
}
