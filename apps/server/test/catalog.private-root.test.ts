/**
 * `_PRIVATE_ROOT_ID` belongs to one user: a second user of the same tenant (signed in with a
 * password, then with a token they created) finds every item of the first user's private tree
 * missing (404), over REST and GraphQL, for jobs and schedules too, while `_PUBLIC_ROOT_ID`
 * stays shared. Moving between the trees moves the ownership; jobs write as their user.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieHeader, DEMO, demoJobParameters, startTestServer, zeppelinNote, type TestServer } from "./harness";
import { metadataAndFile, multipartInit } from "./multipart";

const DX = "/api/dataexchange/v3";
const PRIVATE = "_PRIVATE_ROOT_ID";
const PUBLIC = "_PUBLIC_ROOT_ID";

/** The first user's private items and the second user's own public file. */
interface Ids {
  folder: string;
  file: string;
  ownFile: string;
}

type RestCase = [name: string, path: (ids: Ids) => string, init: (ids: Ids) => RequestInit & { json?: unknown }];

const REST_CASES: RestCase[] = [
  ["download a file", (i) => `${DX}/files/${i.file}`, () => ({})],
  ["overwrite a file", (i) => `${DX}/files/${i.file}`, () => multipartInit("PUT", [{ name: "file", value: "overwritten", fileName: "x" }])],
  ["DELETE a file", (i) => `${DX}/files/${i.file}`, () => ({ method: "DELETE" })],
  ["GET a file's properties", (i) => `${DX}/files/${i.file}/properties`, () => ({})],
  ["rename a file", (i) => `${DX}/files/${i.file}/properties`, () => ({ method: "PATCH", json: { name: "stolen.txt" } })],
  ["move a file to the public root", (i) => `${DX}/files/${i.file}/properties`, () => ({ method: "PATCH", json: { parentId: PUBLIC } })],
  ["move one's own file into the folder", (i) => `${DX}/files/${i.ownFile}/properties`, (i) => ({ method: "PATCH", json: { parentId: i.folder } })],
  ["upload a file into the folder", () => `${DX}/files`, (i) => multipartInit("POST", metadataAndFile({ name: "x.txt", parentId: i.folder }, "x", "x"))],
  ["create a folder in the folder", () => `${DX}/directories`, (i) => ({ method: "POST", json: { name: "x", parentId: i.folder } })],
  ["list the folder", (i) => `${DX}/directories/${i.folder}`, () => ({})],
  ["GET the folder's properties", (i) => `${DX}/directories/${i.folder}/properties`, () => ({})],
  ["rename the folder", (i) => `${DX}/directories/${i.folder}/properties`, () => ({ method: "PATCH", json: { name: "stolen" } })],
  ["move the folder to the public root", (i) => `${DX}/directories/${i.folder}/properties`, () => ({ method: "PATCH", json: { parentId: PUBLIC } })],
  ["DELETE the folder", (i) => `${DX}/directories/${i.folder}?recursive=true`, () => ({ method: "DELETE" })],
  ["start a job reading the folder", () => "/api/jobmanager/v3/jobs", (i) => ({ method: "POST", json: { ...demoJobParameters, inputFolderId: i.folder } })],
  ["start a job writing into the folder", () => "/api/jobmanager/v3/jobs", (i) => ({ method: "POST", json: { ...demoJobParameters, outputFolderId: i.folder } })],
  ["create a schedule writing into the folder", () => "/api/jobmanager/v3/schedules", (i) => ({ method: "POST", json: { ...demoJobParameters, outputFolderId: i.folder, name: "s", scheduleString: "0 * * * *", maximumExecutionTime: 60 } })],
];

type GraphQLCase = [name: string, query: string, variables: (ids: Ids) => Record<string, unknown>];

const GRAPHQL_CASES: GraphQLCase[] = [
  ["query the folder", "query($id: ID!) { folder(id: $id) { id name } }", (i) => ({ id: i.folder })],
  ["page through the folder", "query($id: ID!) { folderConnection(id: $id) { totalCount } }", (i) => ({ id: i.folder })],
  ["list the subfolders of the folder", "query($id: String!) { folders(parentId: $id) { id } }", (i) => ({ id: i.folder })],
  ["create a folder in the folder", 'mutation($p: ID!) { createFolder(name: "x", parentId: $p) { id } }', (i) => ({ p: i.folder })],
  ["rename the folder", 'mutation($id: ID!) { moveFolder(id: $id, name: "stolen") { id } }', (i) => ({ id: i.folder })],
  ["delete the folder", "mutation($id: ID!) { deleteFolder(id: $id, recursive: true) }", (i) => ({ id: i.folder })],
  ["query a file", "query($id: ID!) { file(id: $id) { id name } }", (i) => ({ id: i.file })],
  ["write a file into the folder", 'mutation($p: ID!) { createTextFile(name: "x.txt", parentId: $p, content: "x") { id } }', (i) => ({ p: i.folder })],
  ["rename a file", 'mutation($id: ID!) { moveFile(id: $id, name: "stolen.txt") { id } }', (i) => ({ id: i.file })],
  ["move one's own file into the folder", "mutation($id: ID!, $p: ID!) { moveFile(id: $id, parentId: $p) { id } }", (i) => ({ id: i.ownFile, p: i.folder })],
  ["delete a file", "mutation($id: ID!) { deleteFile(id: $id) }", (i) => ({ id: i.file })],
  ["start a job reading the folder", "mutation($input: StartJobInput!) { startJob(input: $input) { id } }", (i) => ({ input: { ...demoJobParameters, inputFolderId: i.folder } })],
];

describe("the private root belongs to one user", () => {
  let server: TestServer;
  let secondToken: string;
  let ids: Ids;
  beforeAll(async () => {
    server = await startTestServer();
    // The first user is the demo token's (the tenant's default user); it fills its private tree.
    const folder = await (await server.request(`${DX}/directories`, { method: "POST", json: { name: "mine", parentId: PRIVATE } })).json();
    const upload = (name: string, parentId: string, token?: string) =>
      server.request(`${DX}/files`, { ...multipartInit("POST", metadataAndFile({ name, parentId }, `secret ${name}`, name)), ...(token ? { token } : {}) });
    const file = await (await upload("secret.txt", folder.id)).json();
    expect((await upload("top.txt", PRIVATE)).status).toBe(201);

    // The second user signs in with a password and makes a token of their own.
    expect((await server.request("/api/auth/users", { method: "POST", json: { username: "second", password: "second user password" } })).status).toBe(201);
    const login = await server.request("/api/auth/login", { method: "POST", json: { username: "second", password: "second user password" }, token: null });
    const { xsrfToken } = await login.json();
    const created = await server.request("/api/auth/tokens", { method: "POST", json: { name: "second's" }, token: null, headers: { cookie: cookieHeader(login), "x-xsrf-token": xsrfToken } });
    expect(created.status).toBe(201);
    secondToken = (await created.json()).secret;
    const own = await (await upload("own.txt", PUBLIC, secondToken)).json();
    ids = { folder: folder.id, file: file.id, ownFile: own.id };
  });
  afterAll(() => server?.close());

  async function snapshot() {
    const where = { tenantId: DEMO.tenantId };
    return JSON.stringify([
      await server.db.folder.findMany({ where, orderBy: { id: "asc" } }),
      await server.db.file.findMany({ where, orderBy: { id: "asc" } }),
      await server.db.job.count(),
      await server.db.schedule.count(),
    ]);
  }

  it("gives the token a user creates to that user, and the seed's token to the tenant's default user", async () => {
    const second = await server.db.user.findUniqueOrThrow({ where: { username: "second" } });
    const tokens = await server.db.apiToken.findMany({ where: { tenantId: DEMO.tenantId }, include: { user: true } });
    expect(tokens.find((t) => t.name === "second's")?.userId).toBe(second.id);
    expect(tokens.find((t) => t.name === "demo")?.user.username).toBe(`tenant:${DEMO.tenantId}`);
  });

  it.each(REST_CASES)("answers the second user's attempt to %s with 404 and changes nothing", async (_name, path, init) => {
    const before = await snapshot();
    const response = await server.request(path(ids), { ...init(ids), token: secondToken });
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(JSON.parse(body).errors[0].code).toBe("jobmanager.notFound");
    expect(body).not.toContain("secret ");
    expect(await snapshot()).toEqual(before);
  });

  it.each(GRAPHQL_CASES)("answers the second user's GraphQL attempt to %s with jobmanager.notFound and changes nothing", async (_name, query, variables) => {
    const before = await snapshot();
    const result = await server.graphql(query, variables(ids), secondToken);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(["jobmanager.notFound"]);
    expect(await snapshot()).toEqual(before);
  });

  it("offers each user, for a job's folders, every folder they see at any depth, by path, and none of another user's", async () => {
    const nested = await (await server.request(`${DX}/directories`, { method: "POST", json: { name: "deeper", parentId: ids.folder } })).json();
    const paths = async (token?: string) => {
      const result = await server.graphql("{ folderPaths { path folder { id } } }", {}, token);
      expect(result.errors).toBeUndefined();
      return result.data.folderPaths as Array<{ path: string; folder: { id: string } }>;
    };
    const first = await paths();
    expect(first).toContainEqual({ path: "Private/mine", folder: { id: ids.folder } });
    expect(first).toContainEqual({ path: "Private/mine/deeper", folder: { id: nested.id } });
    expect(first).toContainEqual(expect.objectContaining({ path: "Public/demo-input" }));
    expect(first.map((entry) => entry.path)).toEqual([...first.map((entry) => entry.path)].sort((a, b) => a.localeCompare(b)));
    const second = await paths(secondToken);
    expect(second.some((entry) => entry.folder.id === ids.folder || entry.folder.id === nested.id)).toBe(false);
    expect(second).toContainEqual(expect.objectContaining({ path: "Public/demo-input" }));
    const foreign = await paths((await server.createTenant("paths-other")).token);
    expect(foreign.some((entry) => entry.path === "Public/demo-input")).toBe(false);
    await server.request(`${DX}/directories/${nested.id}`, { method: "DELETE" });
  });

  it("lists each user's own private root, and the same public root for both", async () => {
    const names = async (folderId: string, token?: string) => {
      const page = await (await server.request(`${DX}/directories/${folderId}`, token ? { token } : {})).json();
      return [...page.directories, ...page.files].map((item: { name: string }) => item.name);
    };
    expect(await names(PRIVATE)).toEqual(["mine", "top.txt"]);
    expect(await names(PRIVATE, secondToken)).toEqual([]);
    // The same name in the other user's private root is no clash.
    expect((await server.request(`${DX}/directories`, { method: "POST", json: { name: "mine", parentId: PRIVATE }, token: secondToken })).status).toBe(201);
    expect(await names(PRIVATE, secondToken)).toEqual(["mine"]);
    expect(await names(PUBLIC, secondToken)).toEqual(await names(PUBLIC));
    expect(await names(PUBLIC)).toContain("own.txt");
    const gql = await server.graphql(`{ folderConnection(id: "${PRIVATE}") { totalCount } }`, {}, secondToken);
    expect(gql.data.folderConnection.totalCount).toBe(1);
  });

  it("shares a folder moved to the public root with its contents, and takes it back when moved to the private root", async () => {
    const moved = await server.request(`${DX}/directories/${ids.folder}/properties`, { method: "PATCH", json: { parentId: PUBLIC, name: "shared" } });
    expect(moved.status).toBe(200);
    expect(await (await server.request(`${DX}/files/${ids.file}`, { token: secondToken })).text()).toBe("secret secret.txt");
    expect((await server.db.file.findUniqueOrThrow({ where: { id: ids.file } })).ownerUserId).toBe("");

    // The second user may use it now, and put their own file into it; it is shared too.
    const theirs = await server.request(`${DX}/files/${ids.ownFile}/properties`, { method: "PATCH", json: { parentId: ids.folder }, token: secondToken });
    expect(theirs.status).toBe(200);

    const back = await server.request(`${DX}/directories/${ids.folder}/properties`, { method: "PATCH", json: { parentId: PRIVATE, name: "mine" } });
    expect(back.status).toBe(200);
    expect((await server.request(`${DX}/files/${ids.file}`, { token: secondToken })).status).toBe(404);
    expect((await server.request(`${DX}/files/${ids.ownFile}/properties`, { token: secondToken })).status).toBe(404);
    expect(await (await server.request(`${DX}/files/${ids.ownFile}`)).text()).toBe("secret own.txt");

    // A file moved alone follows the same rule.
    const single = await server.request(`${DX}/files/${ids.ownFile}/properties`, { method: "PATCH", json: { parentId: PUBLIC } });
    expect(single.status).toBe(200);
    expect((await server.request(`${DX}/files/${ids.ownFile}/properties`, { token: secondToken })).status).toBe(200);
  });

  it("runs a job as its user: it reads that user's private folder and writes private outputs only they see", async () => {
    const modelId = await server.createModel(zeppelinNote('%sh\nls "$INPUT_FOLDER" > "$OUTPUT_FOLDER/seen.txt"\nmkdir "$OUTPUT_FOLDER/sub"\necho deep > "$OUTPUT_FOLDER/sub/deep.txt"'));
    const started = await server.request("/api/jobmanager/v3/jobs", { method: "POST", json: { ...demoJobParameters, modelId, inputFolderId: ids.folder, outputFolderId: PRIVATE } });
    expect(started.status).toBe(201);
    const job = await started.json();
    expect((await server.waitForFinalJob(job.id)).status).toBe("SUCCEEDED");

    const user = (await server.db.apiToken.findFirstOrThrow({ where: { name: "demo" } })).userId;
    const seen = await server.db.file.findFirstOrThrow({ where: { tenantId: DEMO.tenantId, folderId: PRIVATE, name: "seen.txt" } });
    expect(seen.ownerUserId).toBe(user);
    expect(await (await server.request(`${DX}/files/${seen.id}`)).text()).toBe("secret.txt\n");
    const sub = await server.db.folder.findFirstOrThrow({ where: { tenantId: DEMO.tenantId, parentId: PRIVATE, name: "sub" } });
    expect(sub.ownerUserId).toBe(user);
    expect((await server.db.file.findFirstOrThrow({ where: { folderId: sub.id } })).ownerUserId).toBe(user);

    expect((await server.request(`${DX}/files/${seen.id}`, { token: secondToken })).status).toBe(404);
    expect((await server.request(`/api/jobmanager/v3/jobs/${job.id}`, { token: secondToken })).status).toBe(200); // jobs are the tenant's
    const outputs = await server.graphql("query($id: ID!) { job(id: $id) { outputFiles { path } } }", { id: job.id }, secondToken);
    expect(outputs.data.job.outputFiles).toEqual([]);
  });
});
