import { useState } from 'preact/hooks';
import { Api } from './api';
import { CommendationPage, MeetingPage, MovementPage } from './record-pages';
import { useRoute } from './route';
import { SignIn } from './sign-in';
import { SuccessorPage } from './successor-page';
import { UnitPage, periodOf } from './unit-page';
import { UnitSearch } from './unit-search';

const TOKEN_KEY = 'civic-records.token';

/** The dashboard: sign-in, then the view the address names. The token lives only as long as the browser tab. */
export function App() {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY));
  const route = useRoute();
  const signIn = (value: string) => {
    sessionStorage.setItem(TOKEN_KEY, value);
    setToken(value);
  };
  const signOut = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
  };
  return (
    <>
      <a class="skip" href="#main">
        Bỏ qua, đến nội dung chính
      </a>
      <header>
        <p class="brand">
          <a href="#/">Hồ sơ thi đua, khen thưởng và hội nghị</a>
        </p>
        {token && (
          <nav aria-label="Chung">
            <a href="#/">Chọn đơn vị</a>
            <button type="button" class="secondary" onClick={signOut}>
              Đăng xuất
            </button>
          </nav>
        )}
      </header>
      {token ? <View api={new Api(token)} route={route} /> : <SignIn onSignedIn={signIn} />}
    </>
  );
}

function View({ api, route }: { api: Api; route: ReturnType<typeof useRoute> }) {
  switch (route.view) {
    case 'unit':
      return <UnitPage api={api} code={route.id} period={periodOf(route.params)} />;
    case 'successors':
      return <SuccessorPage api={api} code={route.id} year={Number(route.params.get('year')) || 2024} asOf={route.params.get('asOf') ?? undefined} />;
    case 'meeting':
      return <MeetingPage api={api} id={route.id} />;
    case 'commendation':
      return <CommendationPage api={api} id={route.id} />;
    case 'movement':
      return <MovementPage api={api} id={route.id} />;
    default:
      return <UnitSearch api={api} />;
  }
}
