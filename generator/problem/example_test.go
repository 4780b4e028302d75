package problem_test

import (
	"fmt"

	"dutyreport/generator/problem"
)

func ExamplePosition_String() {
	fmt.Println(problem.At("data/2024/民主测评.xlsx", "Sheet1", 7, 4))
	fmt.Println(problem.Position{File: "schemes/shangnan.yaml", Line: 12, Col: 5})
	// Output:
	// data/2024/民主测评.xlsx!Sheet1!D7
	// schemes/shangnan.yaml:12:5
}

func ExampleList() {
	var l problem.List
	l.Add(problem.Problem{Pos: problem.At("a.xlsx", "S", 10, 4), Code: problem.IngestNotANumber, Found: "9O"})
	l.Add(problem.Problem{Pos: problem.At("a.xlsx", "S", 7, 4), Code: problem.IngestOutOfRange, Found: "105", Expected: problem.T(problem.TZeroTo, "100")})
	l.Sort() // D7 before D10: rows compare as numbers
	for _, p := range l {
		fmt.Println(p.Format(problem.EN))
	}
	fmt.Println(l.Err() != nil)
	// Output:
	// a.xlsx!S!D7: number out of range: found "105"; expected 0 to 100; check the number
	// a.xlsx!S!D10: is not a number: found "9O"; type the value in digits
	// true
}
