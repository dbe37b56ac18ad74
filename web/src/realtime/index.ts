export { realtimeConnection, setRealtimeConnection, RealtimeConnection, type RealtimeStatus as RealtimeConnectionStatus, type RoomHandlers } from './connection';
export { useRealtimeRoom } from './useRealtimeRoom';
export { useOfflineQueue, type QueuedAction } from './useOfflineQueue';
export { default as RealtimeStatus } from './RealtimeStatus.vue';
