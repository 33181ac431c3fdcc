package orm_test

import (
	"strings"
	"testing"

	"github.com/flagon-go/flagon/orm"
)

// Cases ported from Flask-SQLAlchemy's tests/test_model_name.py: a
// model's table is its type name in snake_case unless TableName() says
// otherwise (__tablename__); a single-table subtype uses its parent's
// table, a joined one gets its own name.

func TestFSACamelToSnakeCase(t *testing.T) {
	tests := []struct{ name, want string }{
		{"CamelCase", "camel_case"},
		{"Snake_case", "snake_case"},
		{"HTMLLayout", "html_layout"},
		{"LayoutHTML", "layout_html"},
		{"HTTP2Request", "http2_request"},
		{"ShoppingCartSession", "shopping_cart_session"},
		{"ABC", "abc"},
		{"PreABC", "pre_abc"},
		{"ABCPost", "abc_post"},
		{"PreABCPost", "pre_abc_post"},
		{"HTTP2RequestSession", "http2_request_session"},
		{"UserST4", "user_st4"},
		{"HTTP2ClientType3EncoderParametersSSE", "http2_client_type3_encoder_parameters_sse"},
		{"LONGName4TestingCamelCase2snake_caseXYZ", "long_name4_testing_camel_case2snake_case_xyz"},
		{"FooBarSSE2", "foo_bar_sse2"},
		{"AlarmMessageSS2SignalTransformer", "alarm_message_ss2_signal_transformer"},
		{"AstV2Node", "ast_v2_node"},
		{"HTTPResponseCodeXYZ", "http_response_code_xyz"},
		{"get2HTTPResponse123Code", "get2_http_response123_code"},
		// Commented out upstream (the regex gives these, as SnakeCase does).
		{"getHTTPresponseCode", "get_htt_presponse_code"},
		{"__test__Method", "test___method"},
	}
	for _, tt := range tests {
		t.Run("test_camel_to_snake_case["+tt.name+"]", func(t *testing.T) {
			if got := orm.SnakeCase(tt.name); got != tt.want {
				t.Errorf("SnakeCase(%q) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

type (
	FOOBar struct{ ID int }
	BazBar struct{ ID int }
	Ham    struct{ ID int }

	// Duck is the root of the naming hierarchies.
	Duck struct {
		ID   int
		Type string `orm:"size:20;discriminator;identity:duck"`
	}
	Mallard struct {
		Duck `orm:"inherits;identity:mallard"`
	}
	// JDuck is the root of the joined hierarchy: flagon does not mix
	// single and joined subtypes under one root (docs/orm.md).
	JDuck struct {
		ID   int
		Type string `orm:"size:20;discriminator;identity:duck"`
	}
	Donald struct {
		JDuck `orm:"inherits:joined;identity:donald"`
	}
	DuckMixin struct{ ID int }
	MixinDuck struct {
		DuckMixin
		Name string
	}
	// ManualDuck names its table DUCK.
	ManualDuck struct {
		ID   int
		Type string `orm:"size:20;discriminator;identity:duck"`
	}
	Daffy struct {
		ManualDuck `orm:"inherits:joined;identity:Tower"`
	}
	// SManualDuck is ManualDuck for the single-table subtype.
	SManualDuck struct {
		ID   int
		Type string `orm:"size:20;discriminator;identity:duck"`
	}
	ManualDonald struct {
		SManualDuck `orm:"inherits;identity:Mouse"`
	}
	NoKeyUser struct{ Name string }
)

// TableName is __tablename__ = "spam".
func (Ham) TableName() string { return "spam" }

// TableName is __tablename__ = "DUCK".
func (ManualDuck) TableName() string { return "DUCK" }

// TableName is __tablename__ = "DUCK".
func (SManualDuck) TableName() string { return "DUCK" }

func TestFSAModelName(t *testing.T) {
	tests := []struct {
		name   string
		models []any // registered together, the last one checked
		want   string
	}{
		{"test_name[FOOBar]", []any{FOOBar{}}, "foo_bar"},
		{"test_name[BazBar]", []any{BazBar{}}, "baz_bar"},
		{"test_name[Ham]", []any{Ham{}}, "spam"},
		{"test_single_name", []any{Duck{}, Mallard{}}, "duck"},
		{"test_joined_name", []any{JDuck{}, Donald{}}, "donald"},
		{"test_mixin_id", []any{MixinDuck{}}, "mixin_duck"},
		{"test_manual_name[Duck]", []any{ManualDuck{}}, "DUCK"},
		{"test_manual_name[Daffy]", []any{ManualDuck{}, Daffy{}}, "daffy"},
		{"test_manual_name[Donald]", []any{SManualDuck{}, ManualDonald{}}, "DUCK"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md := orm.NewMetaData()
			must(t, md.Register(tt.models...))
			tbl, err := orm.TableOf(tt.models[len(tt.models)-1])
			must(t, err)
			if tbl.Name != tt.want {
				t.Errorf("table name = %q, want %q", tbl.Name, tt.want)
			}
		})
	}
}

func TestFSAModelNameErrors(t *testing.T) {
	// flagon maps a keyless model (for queries, as a Core Table) and
	// refuses it where the ORM needs the key: in a session.
	t.Run("test_correct_error_for_no_primary_key", func(t *testing.T) {
		db, err := orm.Open("sqlite://")
		must(t, err)
		defer db.Close()
		err = orm.NewSession(db).Add(&NoKeyUser{Name: "a"})
		if err == nil || !strings.Contains(err.Error(), "no primary key") {
			t.Errorf("model without a primary key: %v, want an error about the primary key", err)
		}
	})
}
