package record_test

import (
	"fmt"

	"dutyreport/generator/record"
)

func ExampleParsePoints() {
	p, _ := record.ParsePoints("89.995")             // exactly half a hundredth: rounds up
	q, _ := record.ParsePoints("89.994999999999997") // how Excel stores a typed 89.995
	fmt.Println(p, q)
	// Output: 90.00 90.00
}

func ExamplePoints_MulDiv() {
	avg := record.Points(6665)       // evaluation average 66.65
	fmt.Println(avg.MulDiv(30, 100)) // converted to 30 points: 19.995 → 20.00
	// Output: 20.00
}
