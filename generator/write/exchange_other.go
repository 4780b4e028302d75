//go:build !linux

package write

// exchange swaps the folders by renaming the old one aside; see moveAside.
func exchange(tmp, out string) error { return moveAside(tmp, out) }
