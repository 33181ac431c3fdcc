package orm_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

func TestLoadStrategiesStatementCounts(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		seedBlog(t, e)
		tests := []struct {
			name    string
			query   func(s *orm.Session) ([]*User, error)
			selects int
			joins   int
		}{
			{"no options", func(s *orm.Session) ([]*User, error) {
				return orm.Select[User](s).OrderBy("name").All(ctx)
			}, 1, 0},
			{"selectin one level", func(s *orm.Session) ([]*User, error) {
				return orm.Select[User](s).OrderBy("name").Options(orm.SelectInLoad("Posts")).All(ctx)
			}, 2, 0},
			{"selectin nested path", func(s *orm.Session) ([]*User, error) {
				return orm.Select[User](s).OrderBy("name").Options(orm.SelectInLoad("Posts.Tags")).All(ctx)
			}, 3, 0},
			{"joined to-one inside selectin path", func(s *orm.Session) ([]*User, error) {
				return orm.Select[User](s).OrderBy("name").Options(orm.SelectInLoad("Posts.Author"), orm.SelectInLoad("Posts.Tags")).All(ctx)
			}, 3, 0}, // Author is already in the identity map: no query
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				s := orm.NewSession(e)
				defer s.Close(ctx)
				log := record(t, e)
				users, err := tt.query(s)
				must(t, err)
				if n := log.count("SELECT"); n != tt.selects {
					t.Errorf("ran %d SELECTs, want %d: %q", n, tt.selects, log.stmt)
				}
				if len(users) != 2 || users[0].Name != "ann" {
					t.Fatalf("users = %v", users)
				}
				if tt.selects > 1 && (users[0].Posts.Len() != 2 || !users[1].Posts.Loaded() || users[1].Posts.Len() != 0) {
					t.Errorf("posts: ann %d, bob %v; want 2 and an empty loaded list", users[0].Posts.Len(), users[1].Posts)
				}
				if tt.selects > 2 && tagNames(users[0].Posts.Items()[0].Tags.Items()) != "db,go" {
					t.Errorf("p1 tags = %s, want db,go", tagNames(users[0].Posts.Items()[0].Tags.Items()))
				}
			})
		}
	})
}

func TestJoinedLoadOneStatement(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		must(t, s.Add(&Post{Title: "anonymous"})) // NULL author: LEFT OUTER JOIN keeps it
		must(t, s.Flush(ctx))
		log := record(t, e)
		posts, err := orm.Select[Post](s).Options(orm.JoinedLoad("Author")).OrderBy("id").All(ctx)
		must(t, err)
		if n := log.count("SELECT"); n != 1 || len(log.matching("LEFT OUTER JOIN")) != 1 {
			t.Fatalf("joined load ran %q; want one SELECT with a LEFT OUTER JOIN", log.stmt)
		}
		if len(posts) != 3 || posts[0].Author.Get() == nil || posts[0].Author.Get().Name != "ann" || posts[0].Author.Get() != posts[1].Author.Get() {
			t.Fatalf("authors not joined into one object: %+v", posts)
		}
		if posts[2].Author.Get() != nil || !s.IsLoaded(posts[2], "Author") {
			t.Errorf("post without author: Author %v, loaded %v; want nil, true", posts[2].Author, s.IsLoaded(posts[2], "Author"))
		}
		log.reset()
		must(t, orm.Load(ctx, s, posts[0], "Author"))
		if n := log.count("SELECT"); n != 0 {
			t.Errorf("Load of a joined relationship ran %d SELECTs, want 0", n)
		}
	})
}

func TestSelectInBatchesOf500(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		users := make([]*User, 1001)
		for i := range users {
			users[i] = &User{Name: fmt.Sprintf("u%04d", i), Active: true}
		}
		must(t, orm.InsertMany(ctx, e, users))
		must(t, orm.InsertMany(ctx, e, []*Post{{Title: "last", AuthorID: &users[1000].ID}}))
		s := orm.NewSession(e)
		defer s.Close(ctx)
		log := record(t, e)
		got, err := orm.Select[User](s).OrderBy("name").Options(orm.SelectInLoad("Posts")).All(ctx)
		must(t, err)
		if n := log.count("SELECT"); n != 4 {
			t.Errorf("1001 users loaded posts with %d SELECTs, want 1 + 3 batches of at most 500", n)
		}
		if got[1000].Posts.Len() != 1 || got[0].Posts.Len() != 0 {
			t.Errorf("posts of the last user = %d, want 1", got[1000].Posts.Len())
		}
	})
}

func TestRaiseMode(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		seedBlog(t, e)
		s := orm.NewSession(e, orm.RaiseOnLazyLoad())
		defer s.Close(ctx)
		users, err := orm.Select[User](s).OrderBy("name").All(ctx)
		must(t, err)
		err = s.Load(ctx, &users[0].Posts)
		var re *orm.RaiseLoadError
		if !errors.As(err, &re) || !errors.Is(err, orm.ErrRaiseLoad) || re.Relation != "Posts" {
			t.Fatalf("lazy Load in raise mode = %v; want *RaiseLoadError for Posts", err)
		}
		eager, err := orm.Select[User](s).OrderBy("name").Options(orm.SelectInLoad("Posts")).All(ctx)
		must(t, err)
		log := record(t, e)
		for _, u := range eager {
			if err := s.Load(ctx, &u.Posts); err != nil {
				t.Errorf("Load of an eagerly loaded relationship = %v, want nil", err)
			}
		}
		if n := log.count("SELECT"); n != 0 {
			t.Errorf("Load after eager loading ran %d SELECTs, want 0", n)
		}
		plain := orm.NewSession(e)
		defer plain.Close(ctx)
		posts, err := orm.Select[Post](plain).Options(orm.RaiseLoad("Tags")).All(ctx)
		must(t, err)
		if err := orm.Load(ctx, plain, posts[0], "Tags"); !errors.Is(err, orm.ErrRaiseLoad) {
			t.Errorf("Load after RaiseLoad option = %v, want ErrRaiseLoad", err)
		}
		if err := orm.Load(ctx, plain, posts[0], "Author"); err != nil {
			t.Errorf("Load of another relationship = %v, want nil", err)
		}
	})
}

func TestExplicitLazyLoadAndFilteredLoading(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		ann, err := orm.Select[User](s).FilterBy("Name", "ann").One(ctx)
		must(t, err)
		log := record(t, e)
		must(t, s.Load(ctx, &ann.Posts))
		must(t, s.Load(ctx, &ann.Posts))
		if n := log.count("SELECT"); n != 1 || ann.Posts.Len() != 2 {
			t.Errorf("two Loads ran %d SELECTs and loaded %d posts; want 1 and 2", n, ann.Posts.Len())
		}
		users, err := orm.Select[User](s).Options(
			orm.SelectInLoad("Posts").Where(orm.C("post.title").Eq("p2")).OrderBy("-id"),
		).All(ctx)
		must(t, err)
		for _, u := range users {
			if u.Name == "ann" && (u.Posts.Len() != 1 || u.Posts.Items()[0].Title != "p2") {
				t.Errorf("filtered load gave %d posts, want only p2", u.Posts.Len())
			}
		}
		fresh := orm.NewSession(e)
		defer fresh.Close(ctx)
		all, err := orm.Select[User](fresh).OrderBy("name").All(ctx)
		must(t, err)
		log.reset()
		must(t, orm.LoadAll(ctx, fresh, all, "Posts.Tags"))
		if n := log.count("SELECT"); n != 2 || all[0].Posts.Len() != 2 || all[0].Posts.Items()[1].Tags.Len() != 1 {
			t.Errorf("LoadAll ran %d SELECTs; want 2 (one per level)", n)
		}
		if err := orm.Load(ctx, s, ann, "Nope"); err == nil || !strings.Contains(err.Error(), "Nope") {
			t.Errorf("Load of an unknown relationship = %v; want an error naming it", err)
		}
	})
}

func TestLoadOneToOne(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		s := orm.NewSession(e)
		must(t, s.AddAll(&User{Name: "p", Active: true, Profile: orm.OneOf(&Profile{Bio: "bio"})}, &User{Name: "q", Active: true}))
		must(t, s.Commit(ctx))
		for _, opt := range []*orm.LoadOption{orm.SelectInLoad("Profile"), orm.JoinedLoad("Profile")} {
			s := orm.NewSession(e)
			log := record(t, e)
			users, err := orm.Select[User](s).OrderBy("name").Options(opt).All(ctx)
			must(t, err)
			if users[0].Profile.Get() == nil || users[0].Profile.Get().Bio != "bio" || users[1].Profile.Get() != nil {
				t.Errorf("profiles = %v, %v; want bio and nil", users[0].Profile, users[1].Profile)
			}
			must(t, s.Load(ctx, &users[1].Profile))
			if n := log.count("SELECT"); n > 2 {
				t.Errorf("%d SELECTs for a one-to-one load, want at most 2", n)
			}
			s.Close(ctx)
		}
	})
}

// Level and Player: a joined target whose columns scan through the ORM's
// own scanners (an int, a nullable int, an INTERVAL duration).
type (
	Level struct {
		ID     int64
		Points int
		Bonus  *int
		Limit  time.Duration
	}
	Player struct {
		ID      int64
		LevelID *int64 `orm:"fk:level.id"`
		Level   orm.One[Level]
	}
)

// TestJoinedLoadScansTargetsOwnTypes joins targets whose int and duration
// columns scan through the ORM's scanners into the joined row's nullable
// holders, and a player without a level.
func TestJoinedLoadScansTargetsOwnTypes(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := modelDB(t, db, Level{}, Player{})
		bonus := -7
		lvl := &Level{Points: 1 << 20, Bonus: &bonus, Limit: 90 * time.Second}
		must(t, orm.Insert(ctx, e, lvl))
		must(t, orm.InsertMany(ctx, e, []*Player{{LevelID: &lvl.ID}, {}}))
		s := orm.NewSession(e)
		defer s.Close(ctx)
		players, err := orm.Select[Player](s).Options(orm.JoinedLoad("Level")).OrderBy("id").All(ctx)
		must(t, err)
		if len(players) != 2 || players[1].Level.Get() != nil {
			t.Fatalf("players = %+v; want two, the second without a level", players)
		}
		got := players[0].Level.Get()
		if got == nil || got.Points != 1<<20 || got.Bonus == nil || *got.Bonus != -7 || got.Limit != 90*time.Second {
			t.Errorf("joined level = %+v; want %+v", got, lvl)
		}
	})
}
