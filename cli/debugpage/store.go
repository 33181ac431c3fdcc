package debugpage

import "sync"

// store keeps the last failures for the interactive pages.
type store struct {
	mu    sync.Mutex
	keep  int
	order []string
	byID  map[string]*failure
}

func newStore(keep int) *store {
	return &store{keep: keep, byID: map[string]*failure{}}
}

func (s *store) add(f *failure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byID[f.ID] = f
	s.order = append(s.order, f.ID)
	for len(s.order) > s.keep {
		delete(s.byID, s.order[0])
		s.order = s.order[1:]
	}
}

func (s *store) get(id string) (*failure, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.byID[id]
	return f, ok
}
