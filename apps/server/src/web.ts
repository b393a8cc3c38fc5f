/**
 * Serves the exported web UI (apps/web/out). `/jobs` must be out/jobs.html although out/jobs/
 * is also a directory, and express.static would redirect a directory to `/jobs/` before it
 * tries extensions; so `<path>.html` is served first.
 */
import fs from "node:fs";
import path from "node:path";
import express, { type Router } from "express";

export function webApp(webDir: string): Router {
  const root = path.resolve(webDir);
  const router = express.Router();
  router.use((req, res, next) => {
    if ((req.method === "GET" || req.method === "HEAD") && !path.extname(req.path) && req.path !== "/") {
      const file = path.join(root, path.normalize(req.path).replace(/\/+$/, "") + ".html");
      if (file.startsWith(root + path.sep) && fs.existsSync(file)) return res.sendFile(file);
    }
    next();
  });
  router.use(express.static(root, { extensions: ["html"] }));
  return router;
}
