package flagon

import (
	"reflect"
	"sync"
	"unsafe"
)

// A Decorator wraps a handler, as a Flask view decorator such as
// login_required wraps a view function.
type Decorator func(HandlerFunc) HandlerFunc

// Decorate applies decorators to the route's handler, the first running
// first (outermost), as stacked Python decorators read from the top. The
// route keeps the endpoint name of the undecorated handler, so
//
//	app.Get("/create", create, flagon.Decorate(loginRequired))
//
// registers the endpoint "create", not the rule.
func Decorate(decorators ...Decorator) RouteOption {
	return func(o *routeOptions) { o.decorators = append(o.decorators, decorators...) }
}

// applyDecorators wraps h in ds, ds[0] outermost.
func applyDecorators(h HandlerFunc, ds []Decorator) HandlerFunc {
	for i := len(ds) - 1; i >= 0; i-- {
		h = ds[i](h)
	}
	return h
}

// Wraps records that wrapper wraps h and returns wrapper, Python's
// functools.wraps: a route registered with wrapper takes h's endpoint name
// (and two registrations of wrappers of one handler are one endpoint).
// Decorators written for flagon call it on the closure they return:
//
//	func loginRequired(h flagon.HandlerFunc) flagon.HandlerFunc {
//		return flagon.Wraps(h, func(c *flagon.Ctx) error {
//			if _, ok := c.Session().Get("user_id"); !ok {
//				return c.Redirect("/login")
//			}
//			return h(c)
//		})
//	}
//
// so that app.Get("/create", loginRequired(create)) registers "create".
// wrapper must be a new closure (each call of a func literal that captures
// h is one); wrappers are remembered for the life of the program, which is
// meant for registration time.
func Wraps(h, wrapper HandlerFunc) HandlerFunc {
	if h == nil || wrapper == nil {
		return wrapper
	}
	wrapped.Store(funcIdentity(wrapper), wrapInfo{wrapper: wrapper, inner: unwrap(h)})
	return wrapper
}

// wrapInfo is one Wraps record; it keeps wrapper alive so that its
// identity is never reused by another closure.
type wrapInfo struct {
	wrapper HandlerFunc
	inner   HandlerFunc
}

// wrapped maps a wrapper's identity to what it wraps.
var wrapped sync.Map

// unwrap returns the innermost handler of a chain of Wraps.
func unwrap(h HandlerFunc) HandlerFunc {
	for h != nil {
		info, ok := wrapped.Load(funcIdentity(h))
		if !ok {
			return h
		}
		h = info.(wrapInfo).inner
	}
	return h
}

// funcIdentity returns the address of the closure record a func value
// points to: unique per closure instance, unlike the code pointer that
// reflect reports, which every closure of one func literal shares.
func funcIdentity(h HandlerFunc) unsafe.Pointer {
	return *(*unsafe.Pointer)(unsafe.Pointer(&h))
}

// sameHandler reports whether two handlers are the same function, after
// unwrapping Wraps chains.
func sameHandler(a, b HandlerFunc) bool {
	a, b = unwrap(a), unwrap(b)
	if funcIdentity(a) == funcIdentity(b) {
		return true
	}
	return reflect.ValueOf(a).Pointer() == reflect.ValueOf(b).Pointer()
}
