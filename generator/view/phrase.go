package view

// Phrase is words in the site's language: Key names a UI string of the
// theme, a format whose %s verbs Args fill (each a string or a Phrase).
// A Phrase without Key is its one Arg as it is, such as a unit's name, and
// List joins its phrases with the language's list separator.
type Phrase struct {
	Key  string
	Args []any
	List []Phrase
}

// Say is the UI string key filled with args.
func Say(key string, args ...any) Phrase { return Phrase{Key: key, Args: args} }

// Lit is text from the data, shown as it is.
func Lit(s string) Phrase { return Phrase{Args: []any{s}} }

// change words the change of a count, score or rank since the year before:
// kind is "count", "points" or "rank"; size is the change without its
// direction, formatted; sign is its direction (scoring.Change.Sign), for
// ranks positive when the unit rose.
func change(kind string, has bool, size string, sign int) Phrase {
	switch {
	case !has:
		return Say("since_none")
	case sign > 0:
		return Say(kind+"_up", size)
	case sign < 0:
		return Say(kind+"_down", size)
	}
	return Say("since_same")
}
