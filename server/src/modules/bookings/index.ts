import type { AppContext } from '../../context';
import type { SynergyService } from '../synergies/service';
import { CalendarService } from './calendar';
import { BookingService } from './service';

export { bookingRoutes } from './routes';
export { expireBookings, remindBooking, startBookingWorkers } from './service';

export interface BookingServices {
  bookings: BookingService;
  calendar: CalendarService;
}

export function buildBookingServices(ctx: AppContext, synergies: SynergyService): BookingServices {
  const bookings = new BookingService(ctx, synergies);
  return { bookings, calendar: new CalendarService(ctx, bookings) };
}
