package tagjson

// Tag keys, as registered by Flask's TaggedJSONSerializer.
const (
	TagDict     = " di"
	TagTuple    = " t"
	TagBytes    = " b"
	TagMarkup   = " m"
	TagUUID     = " u"
	TagDateTime = " d"
)

// isTag reports whether key is a registered tag key.
func isTag(key string) bool {
	switch key {
	case TagDict, TagTuple, TagBytes, TagMarkup, TagUUID, TagDateTime:
		return true
	}
	return false
}
