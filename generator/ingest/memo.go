package ingest

// memo remembers a function's results for the values a column repeats on
// every row (unit codes, 主体责任, 主要负责人), so that each is folded and
// looked up once. It stops remembering at memoSize values: a column of a
// million different texts costs what calling the function would.
type memo[V any] struct {
	f func(string) V
	m map[string]V
}

const memoSize = 4096

func newMemo[V any](f func(string) V) *memo[V] { return &memo[V]{f: f, m: map[string]V{}} }

func (m *memo[V]) get(k string) V {
	if v, ok := m.m[k]; ok {
		return v
	}
	v := m.f(k)
	if len(m.m) < memoSize && len(k) <= 64 { // a long text is not one a column repeats
		m.m[k] = v
	}
	return v
}
