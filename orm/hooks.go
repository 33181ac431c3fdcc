package orm

import "context"

// Model hooks: a model implementing one of these interfaces (on the pointer
// receiver) is called around the corresponding operation. An error from a
// Before hook aborts the operation; an error from an After hook is returned
// after the statement ran.
type (
	BeforeInserter interface {
		BeforeInsert(ctx context.Context) error
	}
	AfterInserter interface {
		AfterInsert(ctx context.Context) error
	}
	BeforeUpdater interface {
		BeforeUpdate(ctx context.Context) error
	}
	AfterUpdater interface {
		AfterUpdate(ctx context.Context) error
	}
	BeforeDeleter interface {
		BeforeDelete(ctx context.Context) error
	}
	AfterDeleter interface {
		AfterDelete(ctx context.Context) error
	}
	AfterLoader interface {
		AfterLoad(ctx context.Context) error
	}
)

// afterLoad calls AfterLoad on each loaded object that implements it.
func afterLoad[T any](ctx context.Context, objs []*T) error {
	for _, o := range objs {
		if h, ok := any(o).(AfterLoader); ok {
			if err := h.AfterLoad(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// callHook calls the hook selected by pick if obj implements it.
func callHook[H any](ctx context.Context, obj any, call func(H, context.Context) error) error {
	if h, ok := obj.(H); ok {
		return call(h, ctx)
	}
	return nil
}
