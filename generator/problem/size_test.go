package problem

import "testing"

func TestBytes(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 1023: "1023 B", 1024: "1 KiB", 40 << 10: "40 KiB", 3 << 19: "1.5 MiB", 4 << 20: "4 MiB", 3 << 30: "3 GiB", 1<<30 + 1<<20: "1 GiB"} {
		if got := Bytes(n); got != want {
			t.Errorf("Bytes(%d) = %q, want %q", n, got, want)
		}
	}
}
