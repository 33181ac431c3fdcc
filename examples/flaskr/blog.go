package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/orm"
)

// blog holds the blog blueprint's views.
type blog struct {
	db *database.DB
}

// blueprint is Flaskr's blog blueprint, at the site's root.
func (b *blog) blueprint() *flagon.Blueprint {
	bp := flagon.NewBlueprint("blog", "")
	bp.Get("/", b.index, flagon.Endpoint("index"))
	bp.Route("/create", loginRequired(b.create), flagon.Methods("GET", "POST"), flagon.Endpoint("create"))
	bp.Route("/<int:id>/update", loginRequired(b.update), flagon.Methods("GET", "POST"), flagon.Endpoint("update"))
	bp.Post("/<int:id>/delete", loginRequired(b.delete), flagon.Endpoint("delete"))
	return bp
}

// index shows all the posts, most recent first.
func (b *blog) index(c *flagon.Ctx) error {
	posts, err := b.posts(c.Context(), b.db.Session(c), orm.Select[Post](b.db.Session(c)).OrderBy("-Created", "-ID"))
	if err != nil {
		return err
	}
	return c.Render("blog/index.html", map[string]any{"posts": posts})
}

// posts runs q and joins each post with its author's username.
func (b *blog) posts(ctx context.Context, s *orm.Session, q *orm.SelectQuery[Post]) ([]postView, error) {
	rows, err := q.All(ctx)
	if err != nil {
		return nil, err
	}
	ids := map[int]bool{}
	var authorIDs []any
	for _, p := range rows {
		if !ids[p.AuthorID] {
			ids[p.AuthorID] = true
			authorIDs = append(authorIDs, p.AuthorID)
		}
	}
	names := map[int]string{}
	if len(authorIDs) > 0 {
		users, err := orm.Select[User](s).Where(orm.C("id").In(authorIDs...)).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, u := range users {
			names[u.ID] = u.Username
		}
	}
	out := make([]postView, 0, len(rows))
	for _, p := range rows {
		out = append(out, postView{ID: p.ID, Title: p.Title, Body: p.Body, Created: p.Created, AuthorID: p.AuthorID, Username: names[p.AuthorID]})
	}
	return out, nil
}

// getPost loads a post and its author's name: 404 when it does not exist,
// 403 when checkAuthor and the current user did not write it.
func (b *blog) getPost(c *flagon.Ctx, checkAuthor bool) (*Post, postView, error) {
	id, err := c.ParamInt("id")
	if err != nil {
		return nil, postView{}, err
	}
	s := b.db.Session(c)
	post, err := orm.Get[Post](c.Context(), s, id)
	if errors.Is(err, orm.ErrNoRows) {
		return nil, postView{}, flagon.Abort(http.StatusNotFound, fmt.Sprintf("Post id %d doesn't exist.", id))
	}
	if err != nil {
		return nil, postView{}, err
	}
	if u, _ := currentUser.Get(c); checkAuthor && (u == nil || post.AuthorID != u.ID) {
		return nil, postView{}, flagon.Abort(http.StatusForbidden)
	}
	views, err := b.posts(c.Context(), s, orm.Select[Post](s).FilterBy("ID", id))
	if err != nil || len(views) == 0 {
		return nil, postView{}, err
	}
	return post, views[0], nil
}

// postForm reads the title and body; the title is required.
func postForm(c *flagon.Ctx) (title, body string, ok bool, err error) {
	form, err := c.Form()
	if err != nil {
		return "", "", false, err
	}
	title, body = form.Get("title"), form.Get("body")
	if title == "" {
		c.Flash("Title is required.")
		return title, body, false, nil
	}
	return title, body, true, nil
}

// create adds a post by the current user.
func (b *blog) create(c *flagon.Ctx) error {
	if c.Request.Method == http.MethodPost {
		title, body, ok, err := postForm(c)
		if err != nil {
			return err
		}
		if ok {
			user, _ := currentUser.Get(c)
			s := b.db.Session(c)
			post := &Post{Title: title, Body: body, AuthorID: user.ID, Created: time.Now().UTC().Truncate(time.Second)}
			if err := s.Add(post); err != nil {
				return err
			}
			if err := s.Commit(c.Context()); err != nil {
				return err
			}
			return redirectTo(c, "blog.index")
		}
	}
	return c.Render("blog/create.html", nil)
}

// update edits a post of the current user.
func (b *blog) update(c *flagon.Ctx) error {
	post, view, err := b.getPost(c, true)
	if err != nil {
		return err
	}
	if c.Request.Method == http.MethodPost {
		title, body, ok, err := postForm(c)
		if err != nil {
			return err
		}
		if ok {
			post.Title, post.Body = title, body
			if err := b.db.Session(c).Commit(c.Context()); err != nil {
				return err
			}
			return redirectTo(c, "blog.index")
		}
	}
	return c.Render("blog/update.html", map[string]any{"post": view})
}

// delete removes a post of the current user.
func (b *blog) delete(c *flagon.Ctx) error {
	post, _, err := b.getPost(c, true)
	if err != nil {
		return err
	}
	s := b.db.Session(c)
	if err := s.Delete(post); err != nil {
		return err
	}
	if err := s.Commit(c.Context()); err != nil {
		return err
	}
	return redirectTo(c, "blog.index")
}
