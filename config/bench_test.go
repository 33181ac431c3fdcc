package config

import "testing"

// BenchmarkGet compares Config.Get and a typed getter with a bare map read,
// the baseline, since request handlers read config on every request.
func BenchmarkGet(b *testing.B) {
	c := NewWithDefaults()
	plain := Defaults()
	b.Run("baseline-map", func(b *testing.B) {
		for b.Loop() {
			_ = plain["MAX_FORM_PARTS"]
		}
	})
	b.Run("Get", func(b *testing.B) {
		for b.Loop() {
			c.Get("MAX_FORM_PARTS")
		}
	})
	b.Run("IntOr", func(b *testing.B) {
		for b.Loop() {
			c.IntOr("MAX_FORM_PARTS", 0)
		}
	})
	b.Run("Get-parallel", func(b *testing.B) {
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				c.Get("MAX_FORM_PARTS")
			}
		})
	})
}
