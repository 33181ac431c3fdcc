package main

import "time"

// User is Flaskr's user table.
type User struct {
	ID       int
	Username string `orm:"unique;size:150"`
	Password string `orm:"size:255"`
}

// Post is Flaskr's post table.
type Post struct {
	ID       int
	AuthorID int       `orm:"fk:user.id"`
	Created  time.Time `orm:"index"`
	Title    string    `orm:"size:255"`
	Body     string    `orm:"type:text"`
}

// postView is a post with its author's name: the row Flaskr's
// "SELECT p.id, title, body, created, author_id, username" gives its
// templates (post['title'], post['created'].strftime(...), ...).
type postView struct {
	ID       int
	Title    string
	Body     string
	Created  time.Time
	AuthorID int
	Username string
}
