/** The page at `/` until the web app exists: what this is and where the API is described. */
export function homePage(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>hipcheck</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<h1>hipcheck</h1>
<p>Is the hip behind a runner's knee pain? Assess, explain, treat, track.</p>
<p>The server is running. The API and how to call it: <a href="/api/docs">API documentation</a>
(OpenAPI 3.1 at <a href="/api/docs/json">/api/docs/json</a>).</p>
<p>hipcheck is decision support: it does not diagnose, and it says when to see a professional.</p>
</body>
</html>
`;
}
