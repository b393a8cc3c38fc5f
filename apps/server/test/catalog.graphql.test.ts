import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, jupyterNotebook, startTestServer, zeppelinNote, type TestServer } from "./harness";

describe("catalog over GraphQL", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ runner: false });
  });
  afterAll(() => server?.close());

  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const result = await server.graphql(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data;
  };

  it("creates a model, adds, reads, expires and deletes versions, updates and deletes the model", async () => {
    const note = JSON.stringify(zeppelinNote("%python\nprint(1)"));
    const { createModel: model } = await ok(
      `mutation($input: CreateModelInput!) { createModel(input: $input) { id name type author lastVersion { id number author format fileName } } }`,
      { input: { name: "GraphQL model", fileName: "n.zpln", content: note } },
    );
    expect(model).toMatchObject({ name: "GraphQL model", type: "Zeppelin notebook", author: DEMO.tenantName, lastVersion: { number: 1, format: "zeppelin", fileName: "n.zpln" } });

    const { addModelVersion } = await ok(`mutation($id: ID!, $c: String!) { addModelVersion(modelId: $id, fileName: "a.ipynb", content: $c) { id number format } }`, { id: model.id, c: jupyterNotebook() });
    expect(addModelVersion).toMatchObject({ number: 2, format: "jupyter" });
    const read = await ok(`query($id: ID!) { model(id: $id) { lastVersion { number } versions { number } } modelVersionContent(modelId: $id, versionId: "${model.lastVersion.id}") }`, { id: model.id });
    expect(read).toEqual({ model: { lastVersion: { number: 2 }, versions: [{ number: 2 }, { number: 1 }] }, modelVersionContent: note });

    const { updateModelVersion } = await ok(`mutation($id: ID!) { updateModelVersion(modelId: $id, versionId: "last", expirationDate: "2031-02-03T00:00:00.000Z") { expirationDate } }`, { id: model.id });
    expect(updateModelVersion.expirationDate).toBe("2031-02-03T00:00:00.000Z");
    expect(await ok(`mutation($id: ID!) { deleteModelVersion(modelId: $id, versionId: "last") }`, { id: model.id })).toEqual({ deleteModelVersion: true });
    const { updateModel } = await ok(`mutation($id: ID!) { updateModel(id: $id, input: { description: "changed" }) { name description } }`, { id: model.id });
    expect(updateModel).toEqual({ name: "GraphQL model", description: "changed" });
    expect(await ok(`mutation($id: ID!) { deleteModel(id: $id) }`, { id: model.id })).toEqual({ deleteModel: true });
    expect((await server.graphql(`query($id: ID!) { model(id: $id) { id } }`, { id: model.id })).errors?.[0].extensions.code).toBe("jobmanager.notFound");
  });

  it("refuses an invalid notebook with the same message as REST", async () => {
    const result = await server.graphql(`mutation { createModel(input: { name: "bad", fileName: "x.zpln", content: "{}" }) { id } }`);
    expect(result.errors?.[0]).toMatchObject({ message: "Invalid notebook: a Zeppelin note needs a 'paragraphs' array", extensions: { code: "jobmanager.invalidInput" } });
  });

  it("creates, lists, moves and deletes folders and files", async () => {
    const { createFolder: folder } = await ok(`mutation { createFolder(name: "gql", parentId: "_PUBLIC_ROOT_ID") { id name parentId modifiedBy } }`);
    expect(folder).toMatchObject({ name: "gql", parentId: "_PUBLIC_ROOT_ID", modifiedBy: DEMO.tenantName });
    const { createTextFile: file } = await ok(`mutation($p: ID!) { createTextFile(name: "a.csv", parentId: $p, content: "x,y\\n") { id name type sizeInBytes downloadPath } }`, { p: folder.id });
    expect(file).toMatchObject({ name: "a.csv", type: "text/csv", sizeInBytes: 4 });
    expect(await (await server.request(file.downloadPath)).text()).toBe("x,y\n");

    const { createFolder: sub } = await ok(`mutation($p: ID!) { createFolder(name: "sub", parentId: $p) { id } }`, { p: folder.id });
    const { moveFile } = await ok(`mutation($id: ID!, $p: ID!) { moveFile(id: $id, name: "b.csv", parentId: $p) { name parentId } }`, { id: file.id, p: sub.id });
    expect(moveFile).toEqual({ name: "b.csv", parentId: sub.id });
    const { moveFolder } = await ok(`mutation($id: ID!) { moveFolder(id: $id, name: "sub2") { name } }`, { id: sub.id });
    expect(moveFolder.name).toBe("sub2");

    const contents = await ok(`query($id: ID!, $s: ID!) { folderConnection(id: $id) { totalCount folders { name } files { name } } folder(id: $s) { name parentId } file(id: "${file.id}") { name } }`, { id: folder.id, s: sub.id });
    expect(contents).toEqual({ folderConnection: { totalCount: 1, folders: [{ name: "sub2" }], files: [] }, folder: { name: "sub2", parentId: folder.id }, file: { name: "b.csv" } });
    const clash = await server.graphql(`mutation($p: ID!) { createFolder(name: "sub2", parentId: $p) { id } }`, { p: folder.id });
    expect(clash.errors?.[0].extensions.code).toBe("jobmanager.conflict");

    expect(await ok(`mutation($id: ID!) { deleteFile(id: $id) }`, { id: file.id })).toEqual({ deleteFile: true });
    const notEmpty = await server.graphql(`mutation($id: ID!) { deleteFolder(id: $id) }`, { id: folder.id });
    expect(notEmpty.errors?.[0].extensions.code).toBe("jobmanager.conflict");
    expect(await ok(`mutation($id: ID!) { deleteFolder(id: $id, recursive: true) }`, { id: folder.id })).toEqual({ deleteFolder: true });
    expect(await server.db.folder.count({ where: { id: { in: [folder.id, sub.id] } } })).toBe(0);
  });

  it("creates, reads, updates and deletes a configuration without ever returning a secret", async () => {
    const fields = "id name interpreters variables { name value secret } memoryLimitMb network maxInstances";
    const { createConfiguration: created } = await ok(`mutation { createConfiguration(input: { name: "gql config", interpreters: ["python"], variables: [{ name: "TOKEN", value: "hidden-value", secret: true }], memoryLimitMb: 256 }) { ${fields} } }`);
    expect(created).toMatchObject({ name: "gql config", interpreters: ["python"], variables: [{ name: "TOKEN", value: null, secret: true }], memoryLimitMb: 256, network: false, maxInstances: 1 });
    const { updateConfiguration } = await ok(`mutation($id: ID!) { updateConfiguration(id: $id, input: { network: true, variables: [{ name: "TOKEN", secret: true }] }) { ${fields} } }`, { id: created.id });
    expect(updateConfiguration).toMatchObject({ network: true, variables: [{ name: "TOKEN", value: null, secret: true }] });
    const cleared = await ok(`mutation($id: ID!) { updateConfiguration(id: $id, input: { memoryLimitMb: null, description: null }) { memoryLimitMb network } }`, { id: created.id });
    expect(cleared.updateConfiguration).toEqual({ memoryLimitMb: null, network: true });
    const read = await ok(`query($id: ID!) { configuration(id: $id) { ${fields} } configurations { id variables { value } } }`, { id: created.id });
    expect(JSON.stringify(read)).not.toContain("hidden-value");
    const invalid = await server.graphql(`mutation { createConfiguration(input: { name: "x", maxInstances: 0 }) { id } }`);
    expect(invalid.errors?.[0].message).toContain("maxInstances must be at least 1");
    expect(await ok(`mutation($id: ID!) { deleteConfiguration(id: $id) }`, { id: created.id })).toEqual({ deleteConfiguration: true });
  });

  it("previews a version's paragraphs as parsed, with the model's modified date; another tenant's model is not found", async () => {
    const note = JSON.stringify(zeppelinNote({ title: "Intro", text: "%md\n# Hello <script>x()</script>" }, "%python\nprint(1)"));
    const { createModel: model } = await ok(
      `mutation($input: CreateModelInput!) { createModel(input: $input) { id modifiedDate lastVersion { id modelId } } }`,
      { input: { name: "Preview model", fileName: "p.zpln", content: note } },
    );
    expect(model.lastVersion.modelId).toBe(model.id);
    expect(Number.isNaN(Date.parse(model.modifiedDate))).toBe(false);
    const { modelVersion } = await ok(`query($id: ID!) { modelVersion(modelId: $id, versionId: "last") { number paragraphs { index id title interpreter text code enabled } } }`, { id: model.id });
    expect(modelVersion).toEqual({
      number: 1,
      paragraphs: [
        { index: 0, id: "paragraph_1", title: "Intro", interpreter: "md", text: "%md\n# Hello <script>x()</script>", code: "# Hello <script>x()</script>", enabled: true },
        { index: 1, id: "paragraph_2", title: null, interpreter: "python", text: "%python\nprint(1)", code: "print(1)", enabled: true },
      ],
    });
    const jupyter = await ok(`mutation($id: ID!, $c: String!) { addModelVersion(modelId: $id, fileName: "a.ipynb", content: $c) { number paragraphs { interpreter code } } }`, { id: model.id, c: jupyterNotebook("print(2)") });
    expect(jupyter.addModelVersion).toEqual({ number: 2, paragraphs: [{ interpreter: "md", code: "# Jupyter\n" }, { interpreter: "python", code: "print(2)" }] });

    const other = await server.createTenant("Preview stranger");
    const foreign = await server.graphql(`query($id: ID!) { modelVersion(modelId: $id, versionId: "last") { paragraphs { text } } }`, { id: model.id }, other.token);
    expect(foreign.errors?.[0].extensions.code).toBe("jobmanager.notFound");
  });
});
