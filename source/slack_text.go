package source

import (
	"strings"
)

// slackNames resolves the ids Slack writes in mentions (<@U123>, <#C123>)
// to names; either may be nil.
type slackNames struct {
	user    func(id string) string
	channel func(id string) string
}

// slackText undoes Slack's escaping of message text (mrkdwn): links
// <https://…|label> become "label (https://…)" (or the address alone when
// the label repeats it), <mailto:…> the address, mentions @name and
// #channel, and &amp; &lt; &gt; their characters. What is inside a link
// is unescaped too. Text without '<' or '&' is returned as it is.
func slackText(s string, names slackNames) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i+1:], '>')
		if j < 0 {
			break
		}
		inner := s[i+1 : i+1+j]
		if strings.ContainsAny(inner, "<\n") {
			// Not a link: Slack escapes a literal '<'. Keep it.
			b.WriteString(unescapeSlack(s[:i+1]))
			s = s[i+1:]
			continue
		}
		b.WriteString(unescapeSlack(s[:i]))
		b.WriteString(slackLink(inner, names))
		s = s[i+1+j+1:]
	}
	b.WriteString(unescapeSlack(s))
	return b.String()
}

// slackLink renders the inside of <…>.
func slackLink(inner string, names slackNames) string {
	target, label, hasLabel := strings.Cut(inner, "|")
	target, label = unescapeSlack(target), unescapeSlack(label)
	switch {
	case strings.HasPrefix(target, "@"): // a user
		if hasLabel && label != "" {
			return "@" + strings.TrimPrefix(label, "@")
		}
		if names.user != nil {
			if n := names.user(target[1:]); n != "" {
				return "@" + n
			}
		}
		return target
	case strings.HasPrefix(target, "#"): // a channel
		if hasLabel && label != "" {
			return "#" + strings.TrimPrefix(label, "#")
		}
		if names.channel != nil {
			if n := names.channel(target[1:]); n != "" {
				return "#" + n
			}
		}
		return target
	case strings.HasPrefix(target, "!"): // @here, a user group, a date
		if hasLabel && label != "" {
			return label
		}
		name, _, _ := strings.Cut(target[1:], "^")
		return "@" + name
	}
	addr := target
	for _, scheme := range []string{"mailto:", "tel:"} {
		if rest, ok := strings.CutPrefix(addr, scheme); ok {
			addr = rest
		}
	}
	if !hasLabel || label == "" || label == target || label == addr || sameLink(label, target) {
		return addr
	}
	return label + " (" + addr + ")"
}

// sameLink reports whether a link's label is its address without the
// scheme or the trailing slash, as Slack writes auto-linked text.
func sameLink(label, target string) bool {
	t := target
	for _, p := range []string{"https://", "http://"} {
		t = strings.TrimPrefix(t, p)
	}
	return strings.TrimSuffix(t, "/") == strings.TrimSuffix(label, "/")
}

var slackEntities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">")

// unescapeSlack undoes Slack's three HTML entities.
func unescapeSlack(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	return slackEntities.Replace(s)
}
