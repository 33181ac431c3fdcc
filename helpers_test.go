package flagon_test

import (
	"fmt"
	"strings"

	"github.com/flagon-go/flagon/routing"
)

type routing_Converter = routing.Converter

// upperConverter accepts upper-case ASCII segments only.
type upperConverter struct{}

func (upperConverter) Match(s string) bool        { return s != "" && strings.ToUpper(s) == s }
func (upperConverter) ToGo(s string) (any, error) { return s, nil }
func (upperConverter) ToURL(v any) (string, error) {
	s, ok := v.(string)
	if !ok || strings.ToUpper(s) != s {
		return "", fmt.Errorf("not upper case: %v", v)
	}
	return s, nil
}
