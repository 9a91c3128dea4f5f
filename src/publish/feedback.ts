// Fills the feedback link template (src/site.config.ts) for one entry.

export interface FeedbackInput {
  email: string;
  id: string;
  url: string;
  question: string;
  /** Email subject and body, written in the site's language by the caller. */
  subject: string;
  body: string;
}

export function feedbackLink(template: string, input: FeedbackInput): string {
  return template.replace(/\{(email|id|url|question|subject|body)\}/g, (_, key: keyof FeedbackInput) =>
    key === 'email' ? encodeURI(input.email) : encodeURIComponent(input[key]),
  );
}
