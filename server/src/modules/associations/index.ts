export { associationRoutes } from './routes';
export { AssociationService } from './service';
