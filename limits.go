package flagon

// bodyLimits holds a request's overrides of the body limits, Flask 3.1's
// request.max_content_length, max_form_memory_size and max_form_parts
// setters; nil means the app config's value.
type bodyLimits struct {
	contentLength, formMemory, formParts *int64
}

// MaxContentLength is the largest request body this request accepts
// (413 beyond it): the value set with SetMaxContentLength, else the
// MAX_CONTENT_LENGTH config. 0 means no limit.
func (c *Ctx) MaxContentLength() int64 {
	return c.limit(c.input.limits.contentLength, "MAX_CONTENT_LENGTH")
}

// SetMaxContentLength sets this request's MaxContentLength, Flask's
// `request.max_content_length = n`, e.g. to allow a large upload on one
// view (n <= 0: no limit). It has effect only before the body is read.
func (c *Ctx) SetMaxContentLength(n int64) { c.input.limits.contentLength = &n }

// MaxFormMemorySize is the largest urlencoded body, and total of the
// non-file fields of a multipart body, this request accepts (413 beyond
// it): the value set with SetMaxFormMemorySize, else the
// MAX_FORM_MEMORY_SIZE config. 0 means no limit.
func (c *Ctx) MaxFormMemorySize() int64 {
	return c.limit(c.input.limits.formMemory, "MAX_FORM_MEMORY_SIZE")
}

// SetMaxFormMemorySize sets this request's MaxFormMemorySize, Flask's
// `request.max_form_memory_size = n` (n <= 0: no limit). It has effect
// only before the form is parsed.
func (c *Ctx) SetMaxFormMemorySize(n int64) { c.input.limits.formMemory = &n }

// MaxFormParts is the largest number of parts a multipart body of this
// request may have (413 beyond it): the value set with SetMaxFormParts,
// else the MAX_FORM_PARTS config. 0 means no limit.
func (c *Ctx) MaxFormParts() int64 {
	return c.limit(c.input.limits.formParts, "MAX_FORM_PARTS")
}

// SetMaxFormParts sets this request's MaxFormParts, Flask's
// `request.max_form_parts = n` (n <= 0: no limit). It has effect only
// before the form is parsed.
func (c *Ctx) SetMaxFormParts(n int64) { c.input.limits.formParts = &n }

func (c *Ctx) limit(override *int64, key string) int64 {
	n := c.app.Config.Int64Or(key, 0)
	if override != nil {
		n = *override
	}
	return max(n, 0)
}
