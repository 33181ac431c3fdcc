package flagon

import "strings"

// CallMacro executes the define macro ({{define "hello"}}) of the template
// name with data and returns its output, Flask's get_template_attribute
// followed by a call of the macro. The output is HTML-escaped when name is
// (see render.AutoescapeByExtension): wrap it in template.HTML to insert
// it into another page unescaped, as Jinja's Markup result is.
func (c *Ctx) CallMacro(name, macro string, data any) (string, error) {
	set, err := c.app.Templates()
	if set == nil {
		return "", err
	}
	var sb strings.Builder
	if err := set.RenderDefine(&sb, templateName(name), macro, data, c); err != nil {
		return "", err
	}
	return sb.String(), nil
}

// CallMacro calls a template macro outside a request, as CallMacro of Ctx
// does in an app context (see RenderTemplate).
func (a *App) CallMacro(name, macro string, data any) (string, error) {
	return a.appContext().CallMacro(name, macro, data)
}
