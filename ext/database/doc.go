// Package database joins the ORM to a flagon app the way Flask-SQLAlchemy
// joins SQLAlchemy to Flask: the engine from the app's config, a session
// per request, GetOr404 and friends, pagination from the request's
// arguments, and the models_committed signals.
package database
