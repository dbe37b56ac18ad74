export { meetingRoutes } from './routes';
export { startMeetingWorkers } from './runs';
export { buildMeetingServices, type MeetingServices } from './services';
