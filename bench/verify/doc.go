// Package verify checks a server's answers to the TechEmpower test types
// by the rules of TechEmpower's own verifier: the Server, Date,
// Content-Type and Content-Length (or Transfer-Encoding) headers, the JSON
// shapes, the clamping of the queries parameter, that /updates wrote what
// it answered, and the fortunes page, compared after normalising its
// escapes so that any correct escaping passes and a raw <script> fails.
package verify
