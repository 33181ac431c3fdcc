package main

import (
	"errors"
	"net/http"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/orm"
	"github.com/flagon-go/flagon/security"
)

// currentUser is g.user: the logged-in user, or nil (None in templates).
var currentUser = flagon.NewKey[*User]("user")

// auth holds the auth blueprint's views.
type auth struct {
	db *database.DB
}

// blueprint is Flaskr's auth blueprint, under /auth.
func (a *auth) blueprint() *flagon.Blueprint {
	bp := flagon.NewBlueprint("auth", "/auth")
	bp.BeforeAppRequest(a.loadLoggedInUser)
	bp.Route("/register", a.register, flagon.Methods("GET", "POST"), flagon.Endpoint("register"))
	bp.Route("/login", a.login, flagon.Methods("GET", "POST"), flagon.Endpoint("login"))
	bp.Get("/logout", a.logout, flagon.Endpoint("logout"))
	return bp
}

// loginRequired redirects anonymous users to the login page.
func loginRequired(view flagon.HandlerFunc) flagon.HandlerFunc {
	return func(c *flagon.Ctx) error {
		if u, _ := currentUser.Get(c); u == nil {
			return redirectTo(c, "auth.login")
		}
		return view(c)
	}
}

// loadLoggedInUser sets g.user from the session's user_id.
func (a *auth) loadLoggedInUser(c *flagon.Ctx) error {
	var user *User
	if id, ok := c.Session().GetInt("user_id"); ok {
		u, err := orm.Get[User](c.Context(), a.db.Session(c), id)
		if err != nil && !errors.Is(err, orm.ErrNoRows) {
			return err
		}
		user = u
	}
	currentUser.Set(c, user)
	return nil
}

// register creates a user; the username must be free.
func (a *auth) register(c *flagon.Ctx) error {
	if c.Request.Method == http.MethodPost {
		form, err := c.Form()
		if err != nil {
			return err
		}
		username, password := form.Get("username"), form.Get("password")
		msg := ""
		switch {
		case username == "":
			msg = "Username is required."
		case password == "":
			msg = "Password is required."
		}
		if msg == "" {
			taken, err := a.insertUser(c, username, password)
			if err != nil {
				return err
			}
			if !taken {
				return redirectTo(c, "auth.login")
			}
			msg = "User " + username + " is already registered."
		}
		c.Flash(msg)
	}
	return c.Render("auth/register.html", nil)
}

// insertUser adds the user; taken reports a username already registered.
func (a *auth) insertUser(c *flagon.Ctx, username, password string) (taken bool, err error) {
	hash, err := security.GeneratePasswordHash(password, "", 0)
	if err != nil {
		return false, err
	}
	s := a.db.Session(c)
	if err := s.Add(&User{Username: username, Password: hash}); err != nil {
		return false, err
	}
	err = s.Commit(c.Context())
	if errors.Is(err, orm.ErrUniqueViolation) {
		_ = s.Rollback(c.Context())
		return true, nil
	}
	return false, err
}

// login stores the user's id in a new session.
func (a *auth) login(c *flagon.Ctx) error {
	if c.Request.Method == http.MethodPost {
		form, err := c.Form()
		if err != nil {
			return err
		}
		user, err := orm.Select[User](a.db.Session(c)).FilterBy("Username", form.Get("username")).First(c.Context())
		msg := ""
		switch {
		case errors.Is(err, orm.ErrNoRows):
			msg = "Incorrect username."
		case err != nil:
			return err
		case !security.CheckPasswordHash(user.Password, form.Get("password")):
			msg = "Incorrect password."
		default:
			c.Session().Clear()
			c.Session().Set("user_id", user.ID)
			return redirectTo(c, "index")
		}
		c.Flash(msg)
	}
	return c.Render("auth/login.html", nil)
}

// logout clears the session.
func (a *auth) logout(c *flagon.Ctx) error {
	c.Session().Clear()
	return redirectTo(c, "index")
}

// redirectTo redirects to an endpoint (302, as Flask's redirect).
func redirectTo(c *flagon.Ctx, endpoint string, values ...any) error {
	u, err := c.URLFor(endpoint, values...)
	if err != nil {
		return err
	}
	return c.Redirect(u)
}
