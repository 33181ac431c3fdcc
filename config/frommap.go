package config

import "unicode"

// FromMap copies the entries of m whose keys are upper case, like Flask's
// from_mapping. Other keys are ignored.
func (c *Config) FromMap(m map[string]any) {
	c.lockWrite()
	changed := false
	defer func() { c.unlockWrite(changed) }()
	for k, v := range m {
		if IsUpper(k) {
			c.data[k] = v
			changed = true
		}
	}
}

// IsUpper reports whether key is a configuration key by Flask's rule
// (Python's str.isupper): it has at least one cased letter and no lower-case
// letter. "DB_1" is upper, "Db", "_" and "1" are not.
func IsUpper(key string) bool {
	cased := false
	for _, r := range key {
		if unicode.IsLower(r) || unicode.IsTitle(r) {
			return false
		}
		if unicode.IsUpper(r) {
			cased = true
		}
	}
	return cased
}
