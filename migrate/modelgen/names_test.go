package modelgen

import "testing"

func TestGoName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"user", "User"}, {"user_id", "UserID"}, {"post-tag", "PostTag"}, {"2fa", "X2fa"},
		{"api_key_url", "APIKeyURL"}, {"orderLines", "OrderLines"}, {"__", "X"},
	}
	for _, tt := range tests {
		if got := goName(tt.in); got != tt.want {
			t.Errorf("goName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPlural(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Post", "Posts"}, {"Category", "Categories"}, {"Key", "Keys"}, {"Box", "Boxes"}, {"Address", "Addresses"}, {"Match", "Matches"},
	}
	for _, tt := range tests {
		if got := plural(tt.in); got != tt.want {
			t.Errorf("plural(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{{"author_id", "author"}, {"paid", "paid"}, {"_id", "_id"}, {"owner", "owner"}}
	for _, tt := range tests {
		if got := stem(tt.in); got != tt.want {
			t.Errorf("stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
