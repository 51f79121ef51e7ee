import { useTitle } from '../hooks';

export const NotFoundPage = () => {
  useTitle('Página no encontrada');
  return (
    <div class="page">
      <div class="page-heading">
        <h1 tabIndex={-1}>Página no encontrada</h1>
        <p class="lede">
          Esta dirección no corresponde a ninguna sección del tablero. Vuelva al <a href="/">panorama nacional</a>.
        </p>
      </div>
    </div>
  );
};
