/** REST `/api/jobmanager/v3/schedules`. */
import { ValidationError } from "@jobmanager/domain";
import express, { type Router } from "express";
import { createSchedule, deleteSchedule, getSchedule, pageSchedules, startSchedule, stopSchedule } from "../services/schedules";
import { services } from "./locals";
import { toV3Schedule } from "./v3-schedule";
import { v3PageBody } from "./v3-page";

export function scheduleRoutes(): Router {
  const router = express.Router();
  router.post("/schedules", async (req, res) => {
    if (req.body === undefined) throw new ValidationError("The request body must be a JSON object (Content-Type: application/json).");
    res.status(201).json(toV3Schedule(await createSchedule(services(res), req.body)));
  });
  router.get("/schedules", async (req, res) => {
    const page = await pageSchedules(services(res), req.query);
    res.json(v3PageBody("schedules", page.schedules.map(toV3Schedule), page));
  });
  router.get("/schedules/:id", async (req, res) => {
    res.json(toV3Schedule(await getSchedule(services(res), req.params.id!)));
  });
  router.delete("/schedules/:id", async (req, res) => {
    await deleteSchedule(services(res), req.params.id!);
    res.status(204).end();
  });
  router.post("/schedules/:id/start", async (req, res) => {
    res.json(toV3Schedule(await startSchedule(services(res), req.params.id!)));
  });
  router.post("/schedules/:id/stop", async (req, res) => {
    res.json(toV3Schedule(await stopSchedule(services(res), req.params.id!)));
  });
  return router;
}
