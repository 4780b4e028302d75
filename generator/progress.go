package generator

// Stage is one step of a build, for a progress display.
type Stage string

// The stages of a build, in order. Check, audit and diff run the first two.
const (
	StageRead     Stage = "read"     // site.yaml, the spreadsheets and content
	StageScore    Stage = "score"    // scoring and the notices
	StageRender   Stage = "render"   // pages, exports and assets, counted by page
	StageEditions Stage = "editions" // the public build's check of editions.lock
	StageAudit    Stage = "audit"    // the leak audit of the new site
	StageWrite    Stage = "write"    // the swap into the output folder (and the zip)
)

// Progress is told where a build is: each stage as it starts (done and
// total 0), then, in a stage that counts, each step (render: pages done of
// total). It is called from the build's goroutine only.
type Progress func(stage Stage, done, total int)

// at reports a stage's start; a nil Progress reports nothing.
func (p Progress) at(s Stage) {
	if p != nil {
		p(s, 0, 0)
	}
}

// count reports a step within the current stage.
func (p Progress) count(s Stage, done, total int) {
	if p != nil {
		p(s, done, total)
	}
}
