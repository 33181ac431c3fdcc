package orm_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Member has validated fields: Name as in SQLAlchemy's test_scalar (adds
// " modified", rejects "fred"), Email (lower-cased, must hold "@") and a
// nullable Nick (trimmed).
type Member struct {
	ID    int64
	Name  string  `orm:"size:40"`
	Email string  `orm:"size:60"`
	Nick  *string `orm:"size:20"`
}

// memberCalls records validator calls as "field=value".
var memberCalls struct {
	sync.Mutex
	list []string
}

func recordCall(s string) {
	memberCalls.Lock()
	memberCalls.list = append(memberCalls.list, s)
	memberCalls.Unlock()
}

// takeCalls returns and clears the recorded calls.
func takeCalls() []string {
	memberCalls.Lock()
	defer memberCalls.Unlock()
	out := memberCalls.list
	memberCalls.list = nil
	return out
}

var errFred = errors.New("fred is not allowed")

func init() {
	mustRegister(orm.Validate[Member]("Name", func(_ *Member, v string) (string, error) {
		recordCall("name=" + v)
		if v == "fred" {
			return "", errFred
		}
		return v + " modified", nil
	}))
	mustRegister(orm.Validate[Member]("email", func(_ *Member, v string) (string, error) {
		recordCall("email=" + v)
		if !strings.Contains(v, "@") {
			return "", errors.New("not an e-mail address")
		}
		return strings.ToLower(v), nil
	}))
	mustRegister(orm.Validate[Member]("Nick", func(_ *Member, v *string) (*string, error) {
		recordCall("nick")
		t := strings.TrimSpace(*v)
		return &t, nil
	}))
}

// mustRegister panics on a registration error in test setup.
func mustRegister(err error) {
	if err != nil {
		panic(err)
	}
}

func memberDB(t *testing.T, db dbtest.DB) *orm.DB {
	t.Helper()
	e := openDB(t, db)
	md := orm.NewMetaData()
	md.Register(Member{})
	must(t, md.CreateAll(context.Background(), e))
	return e
}

// TestValidatorsScalar ports SQLAlchemy's test_scalar: the validator
// normalises at Add, rejects a bad value at flush with a
// *ValidationError naming model and field, and runs once per value.
func TestValidatorsScalar(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := memberDB(t, db)
		takeCalls()
		s := orm.NewSession(e)
		u := &Member{Name: "ed", Email: "Ed@X.org"}
		must(t, s.Add(u))
		if u.Name != "ed modified" || u.Email != "ed@x.org" {
			t.Fatalf("after Add: %q %q", u.Name, u.Email)
		}
		u.Name = "fred"
		err := s.Commit(ctx)
		var ve *orm.ValidationError
		if !errors.As(err, &ve) || ve.Model != "Member" || ve.Field != "Name" || ve.Column != "name" ||
			!errors.Is(err, orm.ErrValidation) || !errors.Is(err, errFred) || !strings.Contains(err.Error(), "Member.Name") {
			t.Fatalf("commit: got %v, want a ValidationError for Member.Name", err)
		}
		u.Name = "ed modified"
		must(t, s.Commit(ctx))
		want := []string{"name=ed", "email=Ed@X.org", "name=fred"}
		if got := takeCalls(); strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("validator calls %v, want %v", got, want)
		}
		got, err := orm.Select[Member](e).FilterBy("Name", "ed modified").One(ctx)
		must(t, err)
		if got.ID != u.ID || got.Email != "ed@x.org" {
			t.Errorf("stored %+v", got)
		}
	})
}

// TestValidatorsAtFlush: changed fields of persistent and pending objects
// are validated before any statement; a rejection leaves every object and
// row as it was; unset fields (nil pointers) are not validated.
func TestValidatorsAtFlush(t *testing.T) {
	cases := []struct {
		name      string
		edit      func(m *Member)
		wantErr   string // field named by the error, "" for success
		wantEmail string
		wantNick  string
	}{
		{"normalised on update", func(m *Member) { m.Email = "NEW@X.org" }, "", "new@x.org", "<nil>"},
		{"rejected on update", func(m *Member) { m.Email = "nobody" }, "Email", "a@x.org", "<nil>"},
		{"pointer validated once set", func(m *Member) { n := "  bo "; m.Nick = &n }, "", "a@x.org", "bo"},
		{"unchanged field not validated", func(m *Member) {}, "", "a@x.org", "<nil>"},
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := memberDB(t, db)
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				s := orm.NewSession(e)
				m := &Member{Name: "a", Email: "a@x.org"}
				must(t, s.Add(m))
				must(t, s.Commit(ctx))
				takeCalls()
				s = orm.NewSession(e)
				defer s.Close(ctx)
				loaded, err := orm.Get[Member](ctx, s, m.ID)
				must(t, err)
				other := &Member{Name: "b", Email: "b@x.org"}
				must(t, s.Add(other))
				other.Email = "B2@X.org" // changed after Add: validated at flush unless another rejection stops it
				tc.edit(loaded)
				err = s.Commit(ctx)
				var ve *orm.ValidationError
				switch {
				case tc.wantErr == "" && err != nil:
					t.Fatalf("commit: %v", err)
				case tc.wantErr != "" && (!errors.As(err, &ve) || ve.Field != tc.wantErr):
					t.Fatalf("commit: got %v, want a ValidationError for %s", err, tc.wantErr)
				case tc.wantErr != "" && other.Email != "B2@X.org":
					t.Errorf("a failed validation assigned another object's value: %q", other.Email)
				case tc.wantErr == "" && other.Email != "b2@x.org":
					t.Errorf("pending object changed after Add: email %q, want b2@x.org", other.Email)
				}
				stored, err := orm.Get[Member](ctx, e, m.ID)
				must(t, err)
				nick := "<nil>"
				if stored.Nick != nil {
					nick = *stored.Nick
				}
				if stored.Email != tc.wantEmail || nick != tc.wantNick {
					t.Errorf("stored email %q nick %q, want %q %q", stored.Email, nick, tc.wantEmail, tc.wantNick)
				}
				for _, c := range takeCalls() {
					if c == "email=a@x.org" || c == "name=a modified" {
						t.Errorf("unchanged field validated: %s", c)
					}
				}
			})
		}
	})
}

// TestValidatorRegistrationErrors: bad registrations are refused with a
// clear error; a second validator for a field is test_validator_multi_warning.
func TestValidatorRegistrationErrors(t *testing.T) {
	type Other struct {
		ID   int64
		Name string
	}
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"test_validator_multi_warning", orm.Validate[Member]("Name", func(_ *Member, v string) (string, error) { return v, nil }),
			"a validator for field Name already exists"},
		{"unknown field", orm.Validate[Member]("Colour", func(_ *Member, v string) (string, error) { return v, nil }),
			`Validate[Member]: model Member has no field or column "Colour"`},
		{"wrong value type", orm.Validate[Member]("Email", func(_ *Member, v int) (int, error) { return v, nil }),
			"field Email is a string, the function takes a int"},
		{"nil function", orm.Validate[Other, string]("Name", nil), "nil function for field Name"},
		{"not a model", orm.Validate[int]("X", func(_ *int, v int) (int, error) { return v, nil }), "must be a struct"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.err == nil || !strings.Contains(tc.err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", tc.err, tc.want)
			}
		})
	}
}
