/** REST /api/jobmanager/v3/configurations: environment configurations (beyond the reference). */
import express, { type Router } from "express";
import * as configurations from "../services/configurations";
import { queryValue, services } from "./locals";
import { v3Page } from "./v3-page";

function toRest(view: configurations.ConfigurationView) {
  return { ...view, creationDate: view.creationDate.toISOString(), modifiedDate: view.modifiedDate.toISOString() };
}

export function configurationRoutes(): Router {
  const router = express.Router();
  router.get("/configurations", async (req, res) => {
    const page = await configurations.listConfigurationPage(services(res), { pageNumber: queryValue(req.query.pageNumber), pageSize: queryValue(req.query.pageSize) });
    res.json({ configurations: page.configurations.map(toRest), page: v3Page(page) });
  });
  router.post("/configurations", async (req, res) => {
    res.status(201).json(toRest(await configurations.createConfiguration(services(res), req.body)));
  });
  router.get("/configurations/:id", async (req, res) => {
    res.json(toRest(await configurations.getConfiguration(services(res), req.params.id as string)));
  });
  router.patch("/configurations/:id", async (req, res) => {
    res.json(toRest(await configurations.updateConfiguration(services(res), req.params.id as string, req.body)));
  });
  router.delete("/configurations/:id", async (req, res) => {
    await configurations.deleteConfiguration(services(res), req.params.id as string);
    res.status(204).end();
  });
  return router;
}
