//go:build !unix

package sitefs

import "errors"

func mkfifo(string) error { return errors.New("no named pipes") }
