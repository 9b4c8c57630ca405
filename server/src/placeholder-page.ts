/** Shown at / when the client has not been built (e.g. while developing the API alone). */
export function placeholderPage(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>工作方案看板 Workplan</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>工作方案看板 · Workplan board</h1>
<p>The API is running at <a href="/graphql">/graphql</a>. Build the client (<code>npm run build</code>) to see the board here.</p>
</body></html>`;
}
