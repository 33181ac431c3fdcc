// Package csrf protects a flagon app against cross-site request forgery,
// compatible with Flask-WTF's CSRFProtect: the raw token lives in the
// session under "csrf_token", forms carry it signed with ItsDangerous
// (salt "wtf-csrf-token", one hour by default), and POST, PUT, PATCH and
// DELETE requests must send it back in the form field csrf_token or the
// X-CSRFToken / X-CSRF-Token header. Over HTTPS the Referer must be of the
// same origin. A Flask app and a flagon app sharing SECRET_KEY accept each
// other's tokens.
//
//	protect := csrf.New(app)
//	protect.Exempt("api.webhook")
//
// Templates get csrf_token: <input type="hidden" name="csrf_token" value="{{ csrf_token }}">.
// A failure is a 400 whose description says why; Reason tells which.
package csrf
