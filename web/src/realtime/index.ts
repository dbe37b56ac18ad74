export { setRealtimeConnection, RealtimeConnection } from './connection';
export { useRealtimeRoom } from './useRealtimeRoom';
export { useOfflineQueue } from './useOfflineQueue';
export { default as RealtimeStatus } from './RealtimeStatus.vue';
