import { describe, expect, it } from "vitest";
import { renderHtml } from "./html";
import { renderMarkdown } from "./markdown";

const html = (code: string) => {
  const outcome = renderMarkdown(code);
  expect(outcome.status).toBe("FINISHED");
  expect(outcome.results).toHaveLength(1);
  expect(outcome.results[0]?.type).toBe("HTML");
  return outcome.results[0]?.data ?? "";
};

describe("%md", () => {
  it("renders headings, emphasis, code, lists and tables", () => {
    const out = html("# Title\n\nSome *em* and `code`.\n\n```python\nprint(1)\n```\n\n- a\n- b\n\n| x | y |\n|:--|--:|\n| 1 | 2 |\n");
    expect(out).toContain("<h1>Title</h1>");
    expect(out).toContain("<em>em</em>");
    expect(out).toContain("<code>code</code>");
    expect(out).toContain('<code class="language-python">print(1)');
    expect(out).toContain("<li>a</li>");
    expect(out).toContain("<table>");
    expect(out).toContain('<td align="right">2</td>');
  });

  it("keeps links and http(s)/data images", () => {
    const out = html("[site](https://example.com) ![a](http://example.com/a.png) ![b](data:image/png;base64,AAAA)");
    expect(out).toContain('<a href="https://example.com">site</a>');
    expect(out).toContain('src="http://example.com/a.png"');
    expect(out).toContain('src="data:image/png;base64,AAAA"');
  });

  it("removes scripts, event handlers and javascript: URLs", () => {
    const out = html(
      '<script>alert("x")</script>\n\n<img src="x.png" onerror="alert(1)">\n\n[click](javascript:alert(1)) <a href="JaVaScRiPt:alert(1)" onclick="alert(2)">y</a>',
    );
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toContain("alert");
    expect(out).not.toMatch(/onerror|onclick/i);
    expect(out).not.toMatch(/javascript:/i);
    expect(out).toContain('<img src="x.png" />');
  });
});

describe("%html", () => {
  it("returns one sanitised HTML result", () => {
    const outcome = renderHtml(
      '<h2 style="color: red; background: url(https://evil)">Hi</h2><iframe src="https://x"></iframe><svg onload="alert(1)"></svg><b>ok</b>',
    );
    expect(outcome).toEqual({
      status: "FINISHED",
      results: [{ type: "HTML", data: '<h2 style="color:red">Hi</h2><b>ok</b>' }],
      error: null,
    });
  });
});
