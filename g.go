package flagon

// Key is a typed key for per-request storage, Flask's g with types:
//
//	var currentUser = flagon.NewKey[*User]("current_user")
//	currentUser.Set(c, u)
//	u, ok := currentUser.Get(c)
//
// Values live until the request ends.
type Key[T any] struct {
	name string
}

// NewKey returns a new key; name is used in debug output only. Each call
// returns a distinct key.
func NewKey[T any](name string) *Key[T] { return &Key[T]{name: name} }

// Name returns the key's name.
func (k *Key[T]) Name() string { return k.name }

// Set stores v for the current request.
func (k *Key[T]) Set(c *Ctx, v T) {
	if c.store == nil {
		c.store = map[any]any{}
	}
	c.store[k] = v
}

// Get returns the value stored for the current request.
func (k *Key[T]) Get(c *Ctx) (T, bool) {
	v, ok := c.store[k]
	if !ok {
		var zero T
		return zero, false
	}
	return v.(T), true
}

// GetOr returns the stored value, or def.
func (k *Key[T]) GetOr(c *Ctx, def T) T {
	if v, ok := k.Get(c); ok {
		return v
	}
	return def
}

// Delete removes the value for the current request.
func (k *Key[T]) Delete(c *Ctx) { delete(c.store, k) }

// G returns a snapshot of the per-request storage by key name, for
// templates and the debug page.
func (c *Ctx) G() map[string]any {
	m := make(map[string]any, len(c.store))
	for k, v := range c.store {
		if n, ok := k.(interface{ Name() string }); ok {
			m[n.Name()] = v
		}
	}
	return m
}
