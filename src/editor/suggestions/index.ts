/** Reviewers' suggestions in the editor: live ranges, highlight, and make / accept / reject. */
export { acceptSuggestion, docSuggestions, rejectSuggestion, suggestionRange, suggestionsPlugin, suggestWording } from "./suggestionsPlugin";
